package dev.prescreen.scoring.relevance;

/** Turns a text into a sentence embedding; the vectors of two texts are compared by cosine similarity. */
public interface SentenceEmbedder {

    float[] embed(String text);

    /** Identifies the model in the scorer version. */
    String version();

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
