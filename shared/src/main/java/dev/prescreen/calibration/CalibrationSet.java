package dev.prescreen.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.domain.bank.BankQuestion;
import dev.prescreen.domain.bank.QuestionBank;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.ScoringInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Labelled answers from a JSONL file: {@code id, question_no, question_type, question, answer, score, flags}, and
 * optionally {@code language}, {@code pair_id} (contrast pairs) or {@code group_id} (fairness variants; the original's
 * id ends with {@code -orig}). A bank question ({@code question_no} ≥ 1) brings the concepts of the bank in the
 * answer's language, looked up by number (in English only when its text is the bank's: the English files phrase
 * recruiters' own variants of bank questions); {@code question_no} 0 is a recruiter's own question, with none.
 */
public final class CalibrationSet {

    /** One labelled answer, ready to score. */
    public record Example(String file, String id, int questionNo, String language, QuestionType type, int label,
                          Set<Flag> labelFlags, String pairId, String groupId, ScoringInput input) {

        /** Answers that belong together (a contrast pair, a fairness group) share a cross-validation fold. */
        public String foldKey() {
            return pairId != null ? pairId : groupId != null ? groupId : id;
        }
    }

    private static final String BANK_ROLE = "backend-engineer";

    private CalibrationSet() {
    }

    public static List<Example> read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String name = file.getFileName().toString();
        List<Example> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            int no = n.path("question_no").asInt();
            String question = n.path("question").asText();
            String language = n.path("language").asText(ScoringInput.DEFAULT_LANGUAGE);
            QuestionType type = QuestionType.fromLabel(n.path("question_type").asText());
            List<String> concepts = List.of();
            QuestionBank bank = QuestionBanks.builtIn().find(BANK_ROLE, language).orElse(null);
            if (bank != null && no > 0) {
                concepts = bank.question(no).filter(q -> sameQuestion(q, question, language))
                        .map(BankQuestion::concepts).orElse(List.of());
            }
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            n.path("flags").forEach(f -> flags.add(Flag.fromWireName(f.asText())));
            String id = n.path("id").asText(name + ":" + lineNo);
            out.add(new Example(name, id, no, language, type, n.path("score").asInt(), flags,
                    text(n, "pair_id"), text(n, "group_id"),
                    new ScoringInput(question, type, concepts, language, n.path("answer").asText(), null, null)));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** The bank's question by number; in English the text must be the bank's, other phrasings are own questions. */
    private static boolean sameQuestion(BankQuestion q, String question, String language) {
        return !language.startsWith("en") || normalise(q.text()).equals(normalise(question));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
