package dev.prescreen.domain.interview;

/**
 * What the page noticed while an answer was given, for a person to weigh: never part of a score, never a reason
 * to fail anyone (a candidate may paste from their own notes, or leave the page to silence a phone). Totals for
 * the answer, as the page counted them.
 *
 * @param pastedCharacters characters that arrived in the typed answer by pasting
 * @param typedCharacters  characters typed key by key
 * @param focusLosses      times the candidate left the page (another tab or window) while the question was open
 * @param secondsAway      seconds spent away in total
 */
public record IntegritySignals(int pastedCharacters, int typedCharacters, int focusLosses, int secondsAway) {

    /** The largest total the page may report for one count: more than any answer time allows. */
    public static final int MAX_COUNT = 100_000;

    public static final IntegritySignals NONE = new IntegritySignals(0, 0, 0, 0);

    /**
     * The larger of each count: the page reports running totals, possibly out of order or twice (retries), so a
     * total never goes down.
     */
    public IntegritySignals merge(IntegritySignals later) {
        return new IntegritySignals(Math.max(pastedCharacters, later.pastedCharacters),
                Math.max(typedCharacters, later.typedCharacters), Math.max(focusLosses, later.focusLosses),
                Math.max(secondsAway, later.secondsAway));
    }

    /** Totals as the page sent them, each required and from 0 to {@link #MAX_COUNT}; every wrong field is named. */
    public static IntegritySignals checked(Integer pastedCharacters, Integer typedCharacters, Integer focusLosses,
            Integer secondsAway) {
        java.util.List<dev.prescreen.domain.FieldError> errors = new java.util.ArrayList<>();
        java.util.Map<String, Integer> fields = new java.util.LinkedHashMap<>();
        fields.put("pastedCharacters", pastedCharacters);
        fields.put("typedCharacters", typedCharacters);
        fields.put("focusLosses", focusLosses);
        fields.put("secondsAway", secondsAway);
        fields.forEach((name, value) -> {
            if (value == null || value < 0 || value > MAX_COUNT) {
                errors.add(new dev.prescreen.domain.FieldError(name, "must be a whole number from 0 to " + MAX_COUNT));
            }
        });
        if (!errors.isEmpty()) {
            throw new dev.prescreen.domain.DomainException.InvalidInput(errors);
        }
        return new IntegritySignals(pastedCharacters, typedCharacters, focusLosses, secondsAway);
    }
}
