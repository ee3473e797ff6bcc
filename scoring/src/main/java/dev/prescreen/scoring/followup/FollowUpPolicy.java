package dev.prescreen.scoring.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.internal.ClasspathResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether to ask one adaptive follow-up after an answer, and which one, from a fixed and versioned probe
 * set ({@code scoring/follow-up-probes.json}), so that every candidate whose answer has the same gap hears the same
 * question. At most one follow-up per question and at most {@code maxPerInterview} per interview; none for an
 * answer that is already strong (score ≥ 4), empty ({@code no_answer}) or nothing but an instruction to the scorer.
 */
public final class FollowUpPolicy {

    public static final String RESOURCE = "scoring/follow-up-probes.json";

    private final String version;
    private final List<FollowUpProbe> probes;

    public FollowUpPolicy(String version, List<FollowUpProbe> probes) {
        this.version = version;
        this.probes = List.copyOf(probes);
    }

    private static final class Holder {
        static final FollowUpPolicy BUILT_IN = load();
    }

    public static FollowUpPolicy builtIn() {
        return Holder.BUILT_IN;
    }

    public String version() {
        return version;
    }

    public List<FollowUpProbe> probes() {
        return probes;
    }

    public Optional<FollowUpProbe> probe(QuestionType type, String gap) {
        return probes.stream().filter(p -> p.type() == type && p.gap().equals(gap)).findFirst();
    }

    public Optional<FollowUpProbe> decide(ScoreCard card, QuestionType type, int followUpsAskedSoFar,
                                          int maxPerInterview, boolean followUpAlreadyAskedForThisQuestion) {
        if (card == null || followUpAlreadyAskedForThisQuestion || followUpsAskedSoFar >= maxPerInterview) {
            return Optional.empty();
        }
        if (card.has(Flag.NO_ANSWER) || card.score() >= 4) {
            return Optional.empty();
        }
        if (card.has(Flag.PROMPT_INJECTION) && card.feature("words") < 3) {
            return Optional.empty();
        }
        return gap(card, type).flatMap(g -> probe(type, g));
    }

    /**
     * The most important gap of the answer for its type, if any, read from the card's evidence: an off-topic answer
     * is brought back to the question; otherwise the first element of the type's rubric that is missing.
     */
    static Optional<String> gap(ScoreCard card, QuestionType type) {
        if (card.has(Flag.OFF_TOPIC)) {
            return Optional.of("off_topic");
        }
        return Optional.ofNullable(switch (type) {
            case BEHAVIORAL -> {
                if (card.has(Flag.HYPOTHETICAL)) {
                    yield "hypothetical";
                }
                if (card.has(Flag.WE_NOT_I)) {
                    yield "we_not_i";
                }
                if (card.feature("own_past_actions") + card.feature("team_past_actions") < 1) {
                    yield "no_example";
                }
                if (card.feature("results") == 0) {
                    yield "no_result";
                }
                yield card.feature("quantified_results") == 0 ? "unquantified_result" : null;
            }
            case EXPERIENCE -> {
                if (card.score() <= 2) {
                    yield "generic";
                }
                if (card.feature("employers") + card.feature("projects") == 0) {
                    yield "no_employer";
                }
                yield card.feature("quantified_results") == 0 ? "no_outcome" : null;
            }
            case SITUATIONAL -> {
                if (card.feature("steps") == 0 && card.score() <= 2) {
                    yield "no_steps";
                }
                yield card.feature("tradeoffs") < 2 ? "no_trade_off" : (card.feature("steps") == 0 ? "no_steps" : null);
            }
            case GENERAL -> card.score() <= 3 ? "vague" : (card.feature("limits") == 0 ? "no_limits" : null);
        });
    }

    private static FollowUpPolicy load() {
        try (InputStream in = ClasspathResources.open(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            String version = root.path("version").asText();
            List<FollowUpProbe> probes = new ArrayList<>();
            for (JsonNode p : root.path("probes")) {
                probes.add(new FollowUpProbe(p.path("id").asText(), QuestionType.fromLabel(p.path("type").asText()),
                        p.path("gap").asText(), p.path("text").asText(), version));
            }
            return new FollowUpPolicy(version, probes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
