package dev.prescreen.domain.report;

import dev.prescreen.domain.Messages;
import dev.prescreen.domain.interview.IntegritySignals;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per question for the report email saying how the answers were given: on video or as sound only (and
 * why), the takes used when more than one, and the integrity signals, marked as not scored. Empty when there is
 * nothing beyond a plain single-take answer.
 */
final class DeliveryNotes {

    private DeliveryNotes() {
    }

    static String of(Messages m, Report.QuestionReport question) {
        List<String> notes = new ArrayList<>();
        for (Report.AnswerDelivery delivery : question.deliveries()) {
            if ("video".equals(delivery.capture())) {
                notes.add(m.text("report.delivery.video"));
            } else if (delivery.videoFallback() != null) {
                notes.add(m.text("report.delivery.soundOnly", "reason", fallback(m, delivery.videoFallback())));
            }
            if (delivery.takes() > 1) {
                notes.add(m.text("report.delivery.takes", "takes", delivery.takes()));
            }
            IntegritySignals signals = delivery.integrity();
            int written = signals == null ? 0 : signals.pastedCharacters() + signals.typedCharacters();
            if (written > 0) {
                notes.add(m.text("report.delivery.integrity", "pasted", signals.pastedCharacters(), "total", written,
                        "losses", signals.focusLosses(), "seconds", signals.secondsAway()));
            } else if (signals != null && signals.focusLosses() > 0) {
                // a recording: nothing was typed, only the time away says anything
                notes.add(m.text("report.delivery.away", "losses", signals.focusLosses(), "seconds",
                        signals.secondsAway()));
            }
        }
        return String.join(" · ", notes);
    }

    private static String fallback(Messages m, String reason) {
        return switch (reason) {
            case "camera_denied" -> m.text("report.delivery.cameraDenied");
            case "declined" -> m.text("report.delivery.cameraDeclined");
            default -> m.text("report.delivery.noCamera");
        };
    }
}
