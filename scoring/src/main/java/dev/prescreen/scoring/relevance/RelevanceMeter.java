package dev.prescreen.scoring.relevance;

import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.evidence.Measure;
import dev.prescreen.scoring.language.Compounds;
import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.nlp.Sentence;
import dev.prescreen.scoring.nlp.Token;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How closely an answer addresses its question, beyond the bank's concepts (measured by the extractor): the share
 * of the question's own content words the answer uses (by stem), and the cosine similarity of question and answer
 * sentence embeddings. Recruiters' own questions have no concepts, so for them both are always measured; for a bank
 * question the embedding is measured only when the concepts alone do not already show the answer is on topic.
 */
public final class RelevanceMeter {

    /** Concept hits from which a bank question's answer is on topic without asking the embedding model. */
    public static final int CONCEPT_HITS_ENOUGH = 2;
    /**
     * Share of a recruiter's own question's terms from which its answer is on topic without the embedding model (the
     * rules' own-question term-share threshold stays below this, refitted or not).
     */
    public static final double QUESTION_TERMS_ENOUGH = 0.55;
    /** The embedding reads the start of the answer; relevance shows there, and the cost stays bounded. */
    private static final int MAX_EMBEDDED_CHARS = 1000;
    private static final int QUESTION_CACHE = 256;
    private static final Set<String> CONTENT_TAGS = Set.of("NOUN", "PROPN", "VERB", "ADJ", "X");

    private final LanguagePack pack;
    private final SentenceEmbedder embedder;
    /** Every candidate of a plan is asked the same questions: their terms and vectors are kept (bounded). */
    private final Map<String, float[]> questionVectors = bounded();
    private final Map<String, Set<String>> questionTerms = bounded();

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > QUESTION_CACHE;
            }
        };
    }

    /** @param embedder null where no embedding model is available (the language has none): lexical only */
    public RelevanceMeter(LanguagePack pack, SentenceEmbedder embedder) {
        this.pack = pack;
        this.embedder = embedder;
        if (embedder != null) {
            ReferenceQuestions.embedded(pack.language(), embedder); // at initialisation, so SnapStart keeps them
        }
    }

    /** @param answerStems the stems of the kept answer's words (forms and lemmas), from the extractor */
    public EvidenceRecord measure(String question, String keptAnswer, Set<String> answerStems, EvidenceRecord evidence) {
        Set<String> terms = questionTerms.computeIfAbsent(question, this::questionTerms);
        long hits = terms.stream().filter(term -> answerStems.contains(term) || partOfCompound(term, answerStems)).count();
        EvidenceRecord out = evidence.with(Measure.QUESTION_TERMS, terms.size(), List.of())
                .with(Measure.QUESTION_TERM_HITS, hits, List.of());
        boolean conceptsSettleIt = evidence.get(Measure.CONCEPTS) > 0
                && evidence.get(Measure.CONCEPT_HITS) >= CONCEPT_HITS_ENOUGH;
        boolean termsSettleIt = evidence.get(Measure.CONCEPTS) == 0 && !terms.isEmpty()
                && (double) hits / terms.size() >= QUESTION_TERMS_ENOUGH;
        if (embedder == null || conceptsSettleIt || termsSettleIt || keptAnswer.isBlank() || question.isBlank()) {
            return out;
        }
        float[] q = questionVectors.computeIfAbsent(question, embedder::embed);
        String answer = keptAnswer.length() > MAX_EMBEDDED_CHARS ? keptAnswer.substring(0, MAX_EMBEDDED_CHARS) : keptAnswer;
        float[] a = embedder.embed(answer);
        double similarity = SentenceEmbedder.cosine(q, a);
        double other = -1;
        for (float[] reference : ReferenceQuestions.embedded(pack.language(), embedder)) {
            if (SentenceEmbedder.cosine(q, reference) < ReferenceQuestions.SAME_TOPIC) {
                other = Math.max(other, SentenceEmbedder.cosine(reference, a));
            }
        }
        return out.with(Measure.SEMANTIC_MEASURED, 1, List.of()).with(Measure.SEMANTIC_SIMILARITY, similarity, List.of())
                .with(Measure.SEMANTIC_MARGIN, other < -0.5 ? 1 : similarity - other, List.of());
    }

    /** In a language that compounds, the answer may use a part of the question's compound term, or the reverse. */
    private boolean partOfCompound(String term, Set<String> answerStems) {
        return pack.compounds()
                && answerStems.stream().anyMatch(a -> Compounds.isPart(a, term) || Compounds.isPart(term, a));
    }

    private Set<String> questionTerms(String question) {
        Set<String> terms = new HashSet<>();
        for (Sentence s : pack.analyze(question)) {
            for (Token t : s.tokens()) {
                if (CONTENT_TAGS.contains(t.tag()) && t.isWord() && t.form().length() > 2
                        && !pack.lexicon().contains(LexiconName.QUESTION_FILLER_NOUN, t.form())
                        && !pack.lexicon().contains(LexiconName.STATIVE, t.lemma())) {
                    terms.add(pack.stem(t.form()));
                }
            }
        }
        return terms;
    }
}
