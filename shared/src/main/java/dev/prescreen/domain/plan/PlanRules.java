package dev.prescreen.domain.plan;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.EmailAddress;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.Languages;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.domain.bank.BankQuestion;
import dev.prescreen.domain.bank.QuestionBank;
import dev.prescreen.domain.bank.QuestionBanks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a plan must keep, from the screening method: 6–10 questions with at least one background
 * question (General or Experience), two Behavioral and one Situational; answer times that fit the slot;
 * a pass threshold set up front. Every violation is reported at once.
 */
public final class PlanRules {

    public static final int MIN_QUESTIONS = 6;
    public static final int MAX_QUESTIONS = 10;
    public static final int MIN_ANSWER_SECONDS = 30;
    public static final int MAX_ANSWER_SECONDS = 300;
    public static final int MIN_SLOT_MINUTES = 15;
    public static final int MAX_SLOT_MINUTES = 30;
    public static final int MAX_RECIPIENTS = 10;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MIN_QUESTION_TEXT = 10;
    public static final int MAX_QUESTION_TEXT = 500;
    public static final int MAX_WINDOW_DAYS = 60;
    public static final int MAX_RETENTION_DAYS = 365;
    static final int DEFAULT_ANSWER_SECONDS = 120;
    static final int DEFAULT_SLOT_MINUTES = 20;
    static final int DEFAULT_WINDOW_DAYS = 7;
    public static final int DEFAULT_RETENTION_DAYS = 90;

    private final QuestionBanks banks;

    public PlanRules(QuestionBanks banks) {
        this.banks = banks;
    }

    /** A plan's content once every rule holds. */
    public record PlanContent(String roleTitle, String bankRole, String language, String reportLanguage,
            List<PlanQuestion> questions,
            int answerSeconds, int slotMinutes, int passThreshold, List<String> recipients, FollowUps followUps,
            int invitationWindowDays, int retentionDays, Answering answering, String timeZone) {
    }

    public PlanContent check(PlanInput input) {
        List<FieldError> errors = new ArrayList<>();
        String roleTitle = input.roleTitle() == null ? null : input.roleTitle().trim();
        if (roleTitle == null || roleTitle.isEmpty()) {
            errors.add(new FieldError("roleTitle", "is required"));
        } else if (roleTitle.length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("roleTitle", "is longer than " + MAX_TITLE_LENGTH + " characters"));
        } else {
            dev.prescreen.domain.Text.nameProblem(roleTitle).ifPresent(p -> errors.add(new FieldError("roleTitle", p)));
        }
        String language = input.language() == null ? Languages.DEFAULT : input.language();
        boolean languageKnown = Languages.supported(language);
        if (!languageKnown) {
            errors.add(new FieldError("language", Languages.refusal()));
        }
        String reportLanguage = input.reportLanguage() == null ? Languages.DEFAULT : input.reportLanguage();
        if (!Languages.supported(reportLanguage)) {
            errors.add(new FieldError("reportLanguage", Languages.refusal()));
        }
        Optional<QuestionBank> bank = Optional.empty();
        if (input.bankRole() != null) {
            bank = banks.find(input.bankRole(), language);
            if (!banks.knows(input.bankRole())) {
                errors.add(new FieldError("bankRole", "is not a known question bank"));
            } else if (bank.isEmpty() && languageKnown) {
                errors.add(new FieldError("bankRole", "has no questions in " + language + "; it has "
                        + String.join(", ", banks.languages(input.bankRole()))));
            }
        }
        List<PlanQuestion> questions = questions(input.questions(), input.bankRole(), language, bank, errors);
        int answerSeconds = range(input.answerSeconds(), DEFAULT_ANSWER_SECONDS, MIN_ANSWER_SECONDS,
                MAX_ANSWER_SECONDS, "answerSeconds", errors);
        int slotMinutes = range(input.slotMinutes(), DEFAULT_SLOT_MINUTES, MIN_SLOT_MINUTES, MAX_SLOT_MINUTES,
                "slotMinutes", errors);
        Integer threshold = input.passThreshold();
        if (threshold == null) {
            errors.add(new FieldError("passThreshold", "is required: set the pass score before the first invitation"));
        } else if (threshold < 0 || threshold > 100) {
            errors.add(new FieldError("passThreshold", "must be an integer from 0 to 100"));
        }
        List<String> recipients = recipients(input.recipients(), errors);
        FollowUps followUps = followUps(input.followUps(), errors);
        int window = range(input.invitationWindowDays(), DEFAULT_WINDOW_DAYS, 1, MAX_WINDOW_DAYS,
                "invitationWindowDays", errors);
        int retention = range(input.retentionDays(), DEFAULT_RETENTION_DAYS, 1, MAX_RETENTION_DAYS,
                "retentionDays", errors);
        Answering answering = answering(input, errors);
        String timeZone = timeZone(input.timeZone(), errors);
        if (!questions.isEmpty() && answerSeconds >= MIN_ANSWER_SECONDS && slotMinutes >= MIN_SLOT_MINUTES) {
            int asked = questions.size() + (followUps.enabled() ? followUps.maxPerInterview() : 0);
            if (asked * answerSeconds > slotMinutes * 60) {
                errors.add(new FieldError("slotMinutes", asked + " answers (questions and follow-ups) of "
                        + answerSeconds + " s need " + (asked * answerSeconds + 59) / 60
                        + " minutes, more than the slot of " + slotMinutes));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors);
        }
        return new PlanContent(roleTitle, input.bankRole(), language, reportLanguage, questions, answerSeconds, slotMinutes,
                threshold, recipients, followUps, window, retention, answering, timeZone);
    }

    private static Answering answering(PlanInput input, List<FieldError> errors) {
        Answering.Capture capture = Answering.DEFAULT.capture();
        if (input.capture() != null) {
            Optional<Answering.Capture> named = Answering.Capture.fromWire(input.capture());
            if (named.isEmpty()) {
                errors.add(new FieldError("capture", "must be audio or video"));
            }
            capture = named.orElse(capture);
        }
        int retakes = range(input.retakesPerQuestion(), Answering.DEFAULT.retakesPerQuestion(), 0,
                Answering.MAX_RETAKES, "retakesPerQuestion", errors);
        boolean integrity = input.integritySignals() == null ? Answering.DEFAULT.integritySignals()
                : input.integritySignals();
        return new Answering(capture, retakes, integrity);
    }

    /** An IANA region time zone (Europe/Madrid) or UTC: the zone a plan's expiry times are shown in. */
    private static String timeZone(String input, List<FieldError> errors) {
        if (input == null) {
            return Plan.DEFAULT_TIME_ZONE;
        }
        if (!input.equals(Plan.DEFAULT_TIME_ZONE) && !java.time.ZoneId.getAvailableZoneIds().contains(input)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Madrid or America/New_York"));
        }
        return input;
    }

    private static List<PlanQuestion> questions(List<PlanInput.QuestionInput> input, String bankRole,
            String language, Optional<QuestionBank> bank, List<FieldError> errors) {
        if (input == null || input.isEmpty()) {
            errors.add(new FieldError("questions", "are required: " + MIN_QUESTIONS + " to " + MAX_QUESTIONS));
            return List.of();
        }
        if (input.size() < MIN_QUESTIONS || input.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "must number " + MIN_QUESTIONS + " to " + MAX_QUESTIONS
                    + ", not " + input.size()));
        }
        List<PlanQuestion> questions = new ArrayList<>();
        Set<Integer> bankNumbers = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "questions." + i;
            PlanInput.QuestionInput q = input.get(i);
            if (q == null) {
                errors.add(new FieldError(field, "is empty"));
                continue;
            }
            if (q.bankQuestion() != null) {
                if (q.text() != null || q.type() != null) {
                    errors.add(new FieldError(field, "takes either bankQuestion or text and type, not both"));
                    continue;
                }
                if (bankRole == null) {
                    errors.add(new FieldError("bankRole", "is required when questions come from a bank"));
                    continue;
                }
                if (bank.isEmpty()) {
                    continue;
                }
                Optional<BankQuestion> found = bank.get().question(q.bankQuestion());
                if (found.isEmpty()) {
                    errors.add(new FieldError(field + ".bankQuestion", "question " + (i + 1) + ": "
                            + q.bankQuestion() + " is not a question of the " + bankRole + " bank in " + language
                            + " (it has 1 to " + bank.get().questions().size() + ")"));
                } else if (!bankNumbers.add(q.bankQuestion())) {
                    errors.add(new FieldError(field + ".bankQuestion", "is already in the plan"));
                } else {
                    BankQuestion b = found.get();
                    questions.add(new PlanQuestion(i + 1, b.number(), b.text(), b.type(), b.concepts()));
                }
                continue;
            }
            String text = q.text() == null ? "" : q.text().trim();
            boolean ok = true;
            if (text.length() < MIN_QUESTION_TEXT || text.length() > MAX_QUESTION_TEXT) {
                errors.add(new FieldError(field + ".text", "must be " + MIN_QUESTION_TEXT + " to "
                        + MAX_QUESTION_TEXT + " characters (or give a bankQuestion)"));
                ok = false;
            } else if (!texts.add(text.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError(field + ".text", "is already in the plan"));
                ok = false;
            }
            QuestionType type = null;
            try {
                type = q.type() == null ? null : QuestionType.fromLabel(q.type());
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
            if (type == null) {
                errors.add(new FieldError(field + ".type", "must be one of General, Behavioral, Experience, Situational"));
                ok = false;
            }
            if (ok) {
                questions.add(new PlanQuestion(i + 1, null, text, type, List.of()));
            }
        }
        if (questions.size() == input.size()) {
            mix(questions, errors);
        }
        return questions;
    }

    /** The method's mix: background, two past-behaviour stories, one situational. */
    private static void mix(List<PlanQuestion> questions, List<FieldError> errors) {
        Map<QuestionType, Integer> counts = new EnumMap<>(QuestionType.class);
        questions.forEach(q -> counts.merge(q.type(), 1, Integer::sum));
        int background = counts.getOrDefault(QuestionType.GENERAL, 0) + counts.getOrDefault(QuestionType.EXPERIENCE, 0);
        if (background < 1) {
            errors.add(new FieldError("questions", "need at least one General or Experience question about background"));
        }
        if (counts.getOrDefault(QuestionType.BEHAVIORAL, 0) < 2) {
            errors.add(new FieldError("questions", "need at least two Behavioral questions (specific past examples)"));
        }
        if (counts.getOrDefault(QuestionType.SITUATIONAL, 0) < 1) {
            errors.add(new FieldError("questions", "need at least one Situational question"));
        }
    }

    private static List<String> recipients(List<String> input, List<FieldError> errors) {
        if (input == null || input.isEmpty()) {
            errors.add(new FieldError("recipients", "need 1 to " + MAX_RECIPIENTS + " email addresses for reports"));
            return List.of();
        }
        if (input.size() > MAX_RECIPIENTS) {
            errors.add(new FieldError("recipients", "may hold at most " + MAX_RECIPIENTS + " addresses"));
        }
        List<String> recipients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String problem = EmailAddress.problem(input.get(i));
            if (problem != null) {
                errors.add(new FieldError("recipients." + i, problem));
            } else if (!seen.add(EmailAddress.normalise(input.get(i)))) {
                errors.add(new FieldError("recipients." + i, "is listed twice"));
            } else {
                recipients.add(input.get(i).trim());
            }
        }
        return recipients;
    }

    private static FollowUps followUps(PlanInput.FollowUpsInput input, List<FieldError> errors) {
        if (input == null) {
            return FollowUps.DEFAULT;
        }
        boolean enabled = input.enabled() == null ? FollowUps.DEFAULT.enabled() : input.enabled();
        int max = input.maxPerInterview() == null ? FollowUps.DEFAULT.maxPerInterview() : input.maxPerInterview();
        if (max < 0 || max > MAX_QUESTIONS) {
            errors.add(new FieldError("followUps.maxPerInterview", "must be from 0 to " + MAX_QUESTIONS));
            max = 0;
        }
        return new FollowUps(enabled, enabled ? max : 0);
    }

    private static int range(Integer value, int fallback, int min, int max, String field, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
        return value;
    }
}
