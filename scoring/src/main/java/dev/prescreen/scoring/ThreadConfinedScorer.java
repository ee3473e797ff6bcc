package dev.prescreen.scoring;

import java.util.function.Supplier;

/** One scorer per thread: the language-analysis wrappers are not thread-safe, the models they share are. */
public final class ThreadConfinedScorer implements AnswerScorer {

    private final ThreadLocal<AnswerScorer> scorers;
    private final String version;

    public ThreadConfinedScorer(Supplier<AnswerScorer> factory) {
        this.scorers = ThreadLocal.withInitial(factory);
        this.version = scorers.get().version();
    }

    @Override
    public ScoreCard score(ScoringInput input) {
        return scorers.get().score(input);
    }

    @Override
    public String version() {
        return version;
    }
}
