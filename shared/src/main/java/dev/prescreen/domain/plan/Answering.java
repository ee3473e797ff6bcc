package dev.prescreen.domain.plan;

import java.util.Locale;

/**
 * How candidates answer a plan's questions on the page, frozen with the questions: what is recorded, how many
 * times an answer may be re-recorded before it is sent, and whether the page notes integrity signals for the
 * hiring team (pasted text, time away from the page). All three are named in the consent notice.
 *
 * @param retakesPerQuestion re-recordings allowed per answer before it is sent (so 1 + this many takes)
 * @param integritySignals   whether the page reports pasting and leaving the page; never part of a score
 */
public record Answering(Capture capture, int retakesPerQuestion, boolean integritySignals) {

    public static final int MAX_RETAKES = 2;
    public static final Answering DEFAULT = new Answering(Capture.AUDIO, 0, true);

    public Answering {
        capture = capture == null ? Capture.AUDIO : capture;
    }

    /** What the page records of a spoken answer. */
    public enum Capture {
        /** The microphone only. */
        AUDIO,
        /** Camera and microphone; the transcript is made from the sound track. */
        VIDEO;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Capture> fromWire(String value) {
            for (Capture c : values()) {
                if (c.wireName().equals(value)) {
                    return java.util.Optional.of(c);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Takes an answer may use: the first recording and its retakes. */
    public int takesPerQuestion() {
        return 1 + retakesPerQuestion;
    }
}
