package dev.prescreen.scoring.language;

/**
 * German, Dutch and Swedish write compounds as one word: a concept or a question's word may be the modifier
 * ("datenbank" in "Datenbankmigration") or, when long enough not to occur by chance, any part ("datenbank" in
 * "kundendatenbank"). One rule for the concept matcher and the question-word overlap; both words folded.
 */
public final class Compounds {

    /** Shortest part looked for at a compound's start. */
    static final int MIN_MODIFIER = 4;
    /** Shortest part looked for anywhere inside a compound. */
    static final int MIN_INNER_PART = 6;
    /** A compound has at least this many letters besides the part. */
    static final int MIN_REST = 3;

    private Compounds() {
    }

    public static boolean isPart(String part, String word) {
        if (part.length() < MIN_MODIFIER || word.length() < part.length() + MIN_REST) {
            return false;
        }
        return word.startsWith(part) || part.length() >= MIN_INNER_PART && word.contains(part);
    }
}
