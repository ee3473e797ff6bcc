package dev.prescreen.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    @Test
    void anEventTravelsAsAMessageAndKeepsItsFigures() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interviewId", "iv_1");
        data.put("overall", null); // awaiting review
        data.put("passed", null);
        data.put("needsReview", List.of(2, 5));
        WebhookEvent event = new WebhookEvent(WebhookEvent.idFor(WebhookEventType.REPORT_READY, "iv_1",
                Instant.parse("2026-11-20T09:00:00Z")), WebhookEventType.REPORT_READY, "acme",
                Instant.parse("2026-11-20T09:00:00Z"), data);
        String message = Json.write(event);
        WebhookEvent read = Json.read(message, WebhookEvent.class);
        assertThat(read.eventId()).isEqualTo(event.eventId());
        assertThat(read.type()).isEqualTo(WebhookEventType.REPORT_READY);
        assertThat(read.data()).containsEntry("needsReview", List.of(2, 5)).containsKey("overall");
        assertThat(read.body()).isEqualTo(event.body()).contains("\"type\":\"report.ready\"", "\"overall\":null");
    }

    @Test
    void theSameOccurrenceHasTheSameIdAndLaterOnesSortAfter() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(WebhookEvent.idFor(WebhookEventType.REPORT_READY, "iv_1", at))
                .isEqualTo(WebhookEvent.idFor(WebhookEventType.REPORT_READY, "iv_1", at))
                .isNotEqualTo(WebhookEvent.idFor(WebhookEventType.INTERVIEW_COMPLETED, "iv_1", at))
                .isLessThan(WebhookEvent.idFor(WebhookEventType.REPORT_READY, "iv_0", at.plusSeconds(1)));
    }
}
