package dev.prescreen.scoring;

import dev.prescreen.scoring.evidence.EvidenceExtractor;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.language.LanguagePacks;
import dev.prescreen.scoring.relevance.MiniLmEmbedder;
import dev.prescreen.scoring.relevance.RelevanceMeter;
import dev.prescreen.scoring.relevance.SentenceEmbedder;
import dev.prescreen.scoring.rules.RuleBook;
import dev.prescreen.scoring.rules.Thresholds;
import java.util.HashMap;
import java.util.Map;

/**
 * The deterministic rubric scorer, in three layers: a {@link LanguagePack} analyses the answer, the
 * {@link EvidenceExtractor} and {@link RelevanceMeter} turn it into a language-neutral {@link EvidenceRecord}, and the
 * {@link RuleBook}'s named rules (with named {@link Thresholds}) decide the score. One instance per thread; the models
 * are loaded once per JVM.
 */
public final class RubricScorer implements AnswerScorer {

    /**
     * Changes whenever any score, flag, reason or rule can change (the golden set fails otherwise). Recorded on
     * every score card and report, so two reports scored by different rules never look alike.
     */
    public static final String VERSION = "rubric-2.2.0";

    private final SentenceEmbedder embedder;
    private final Thresholds thresholds;
    private final Map<String, Pipeline> pipelines = new HashMap<>();
    private final String version;

    /**
     * One language's extractor and relevance meter, and the version its cards carry (the rules', the thresholds', the
     * language pack's, the embedding model's); built on first use of the language in this thread.
     */
    private record Pipeline(EvidenceExtractor extractor, RelevanceMeter relevance, String version) {
    }

    public RubricScorer() {
        this(MiniLmEmbedder.get(), Thresholds.builtIn());
    }

    public RubricScorer(SentenceEmbedder embedder, Thresholds thresholds) {
        this.embedder = embedder;
        this.thresholds = thresholds;
        this.version = pipeline(ScoringInput.DEFAULT_LANGUAGE).version();
    }

    /** The version of English cards; a card in another language names that language's pack instead. */
    @Override
    public String version() {
        return version;
    }

    private Pipeline pipeline(String language) {
        return pipelines.computeIfAbsent(language, code -> {
            LanguagePack pack = LanguagePacks.create(code);
            // the embedding model is English only: elsewhere relevance is the bank's concepts and the question's words
            SentenceEmbedder used = pack.semanticRelevance() ? embedder : null;
            return new Pipeline(new EvidenceExtractor(pack), new RelevanceMeter(pack, used), VERSION + "/"
                    + thresholds.version() + "/" + pack.version() + "/" + (used == null ? "no-embeddings" : used.version()));
        });
    }

    /** The evidence of one answer, before any rule: what the calibration tools refit thresholds on. */
    public EvidenceRecord evidence(ScoringInput input) {
        Pipeline p = pipeline(input.language());
        EvidenceExtractor.Extraction x = p.extractor().extract(input.combinedText(), input.concepts());
        return p.relevance().measure(input.questionText(), x.keptText(), x.stems(), x.evidence());
    }

    @Override
    public ScoreCard score(ScoringInput input) {
        return card(input.type(), evidence(input), thresholds, pipeline(input.language()).version());
    }

    /** The score card the rules give this evidence under these thresholds. */
    public ScoreCard card(QuestionType type, EvidenceRecord evidence, Thresholds with) {
        return card(type, evidence, with, version);
    }

    private static ScoreCard card(QuestionType type, EvidenceRecord evidence, Thresholds with, String version) {
        RuleBook.Decision d = RuleBook.decide(type, evidence, with);
        return new ScoreCard(d.score(), RubricAnchors.anchor(type, d.score()), d.reason(), evidence.spans(), d.flags(),
                evidence.asMap(), version, d.rule());
    }
}
