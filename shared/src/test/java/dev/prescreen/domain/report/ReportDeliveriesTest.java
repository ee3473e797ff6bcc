package dev.prescreen.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.IntegritySignals;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report says how each answer was given: capture, fallback, takes and integrity signals; none moves a score. */
class ReportDeliveriesTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private final Plan plan = Screenings.plan(AT, "en-US", "en-US", new Answering(Answering.Capture.VIDEO, 2, true), "UTC");
    private final Interview interview = Screenings.interview("iv_1", "cd_1", InterviewState.SUBMITTED, AT);

    private Answer recorded(int position, String contentType, String fallback, int takes) {
        return Answer.served(AnswerKind.MAIN.answerId("iv_1", position), "iv_1", Screenings.ORG, Screenings.PLAN_ID,
                position, AnswerKind.MAIN, "Q?", QuestionType.GENERAL, List.of(), "en-US", AT).change(b -> {
                    b.mode = Answer.RECORDING;
                    b.submittedAt = AT;
                    b.state = AnswerState.AWAITING_SCORE;
                    b.recordingKey = "recordings/acme/" + Screenings.PLAN_ID + "/iv_1/" + AnswerKind.MAIN.answerId("iv_1", position) + ".up.webm";
                    b.recordingContentType = contentType;
                    b.videoFallback = fallback;
                    b.takes = takes;
                    b.followUpClosed = true;
                    return b;
                });
    }

    @Test
    void eachAnswerSaysHowItWasGiven() {
        Answer filmed = recorded(1, "video/webm", null, 3);
        Answer sound = recorded(2, "audio/webm", "camera_denied", 1);
        Report report = ReportBuilder.build(interview, plan, List.of(filmed, sound), "Ana", "rubric-test");

        Report.AnswerDelivery first = report.questions().get(0).deliveries().get(0);
        assertThat(first).isEqualTo(new Report.AnswerDelivery("main", "recording", "video", null, 3, null));
        Report.AnswerDelivery second = report.questions().get(1).deliveries().get(0);
        assertThat(second.capture()).isEqualTo("audio");
        assertThat(second.videoFallback()).isEqualTo("camera_denied");
        assertThat(report.questions().get(0).recordingKeys()).containsExactly(filmed.recordingKey());
    }

    @Test
    void integritySignalsAreShownAndChangeNoScore() {
        Answer typed = Screenings.typedAwaitingScore(interview, plan, 1, "I split the billing monolith.", AT);
        Answer pasted = typed.change(b -> {
            b.integrity = new IntegritySignals(29, 0, 2, 40);
            return b;
        });
        Report plain = ReportBuilder.build(interview, plan, List.of(typed), "Ana", "rubric-test");
        Report signalled = ReportBuilder.build(interview, plan, List.of(pasted), "Ana", "rubric-test");
        Report.AnswerDelivery delivery = signalled.questions().get(0).deliveries().get(0);
        assertThat(delivery.mode()).isEqualTo("typed");
        assertThat(delivery.capture()).isNull();
        assertThat(delivery.integrity()).isEqualTo(new IntegritySignals(29, 0, 2, 40));
        assertThat(signalled.overall()).isEqualTo(plain.overall());
        assertThat(signalled.questions().get(0).score()).isEqualTo(plain.questions().get(0).score());
        assertThat(signalled.questions().get(0).flags()).isEqualTo(plain.questions().get(0).flags());
    }
}
