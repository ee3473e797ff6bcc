package dev.prescreen.domain.report;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.session.RecordingStore;
import dev.prescreen.domain.transcription.TranscribeOutput;
import dev.prescreen.observability.Log;
import java.net.URI;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds each completed interview's report once, emails it to the plan's recipients at most once (the
 * send intent is written first), meters the screening, and serves reports, rankings and reviews.
 */
public final class ReportService {

    public static final Duration RECORDING_LINK_VALIDITY = Duration.ofMinutes(10);
    /** Transcribe bills at least this much per job. */
    public static final double MINIMUM_BILLED_SECONDS = 15;
    private static final String REPORT = "report";
    private static final String THE_REPORT = "the report";
    /**
     * An email intent this old without a sent time was left by a crash between the intent and the send: the email is
     * sent again (at least once after a crash; exactly once otherwise). Longer than any send takes.
     */
    public static final Duration EMAIL_RESEND_AFTER = Duration.ofMinutes(10);

    private final ReportRepository reports;
    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final CandidateRepository candidates;
    private final RecordingStore recordings;
    private final Mailer mailer;
    private final UsageMeter usage;
    private final String publicBaseUrl;
    private final String scorerVersion;
    private final WebhookPorts.Publisher events;
    private final Clock clock;
    private final CandidateListing listing;

    public ReportService(ReportRepository reports, InterviewRepository interviews, PlanRepository plans,
            CandidateRepository candidates, RecordingStore recordings, Mailer mailer, UsageMeter usage,
            String publicBaseUrl, String scorerVersion, WebhookPorts.Publisher events, Clock clock) {
        this.reports = reports;
        this.interviews = interviews;
        this.plans = plans;
        this.candidates = candidates;
        this.recordings = recordings;
        this.mailer = mailer;
        this.usage = usage;
        this.publicBaseUrl = publicBaseUrl;
        this.scorerVersion = scorerVersion;
        this.events = events;
        this.clock = clock;
        this.listing = new CandidateListing(reports, interviews, plans, candidates, this::reportLink);
    }

    /**
     * A completed interview: build its report (once), meter it, email it (once in the normal case), and mark the
     * interview delivered. Safe to repeat: the pipeline reconciler hands over again whatever a crash interrupted.
     */
    public void interviewCompleted(String organisation, String interviewId) {
        Interview interview = interviews.find(organisation, interviewId).orElse(null);
        if (interview == null || interview.state() != InterviewState.COMPLETED || interview.deliveredAt() != null) {
            return;
        }
        Plan plan = plans.find(organisation, interview.planId()).orElseThrow();
        Optional<Report> existing = reports.find(organisation, interviewId);
        if (existing.isEmpty()) {
            List<Answer> answers = interviews.answers(organisation, interviewId);
            String name = candidates.find(organisation, interview.candidateId()).map(Candidate::name).orElse(null);
            reports.create(ReportBuilder.build(interview, plan, answers, name, scorerVersion)); // false: built already
            meter(interview, answers); // once per screening, whatever the redeliveries (recorded under its id)
        }
        boolean settled = existing.map(r -> r.emailSentAt() != null || r.emailFailure() != null).orElse(false);
        if (!settled) {
            Instant intent = existing.map(Report::emailIntentAt).orElse(null);
            if (intent != null && intent.isAfter(clock.instant().minus(EMAIL_RESEND_AFTER))) {
                return; // being sent right now by another delivery of this message
            }
            // No intent, or one left by a crash between the intent and the send: send now (at least once then).
            email(organisation, interviewId, plan, intent);
        }
        // before the interview is marked delivered, so a crash publishes again (the same ids: received once)
        publish(interview, reports.find(organisation, interviewId).orElseThrow());
        markDelivered(organisation, interviewId);
    }

    /** interview.completed and report.ready for the organisation's webhooks: ids and figures, never answers. */
    private void publish(Interview interview, Report report) {
        Instant at = interview.completedAt();
        Map<String, Object> ids = new java.util.LinkedHashMap<>();
        ids.put("interviewId", interview.interviewId());
        ids.put("candidateId", interview.candidateId());
        ids.put("planId", interview.planId());
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.INTERVIEW_COMPLETED,
                interview.interviewId(), at), WebhookEventType.INTERVIEW_COMPLETED, interview.organisation(), at, ids));
        Map<String, Object> figures = new java.util.LinkedHashMap<>(ids);
        figures.put("overall", report.overall());
        figures.put("passed", report.passed());
        figures.put("needsReview", report.needsReview());
        figures.put("reportUrl", reportLink(interview.interviewId()));
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.REPORT_READY, interview.interviewId(), at),
                WebhookEventType.REPORT_READY, interview.organisation(), at, figures));
    }

    private void markDelivered(String organisation, String interviewId) {
        ConcurrentWrites.retry("interviewId", "the interview", () -> {
            Interview interview = interviews.find(organisation, interviewId).orElse(null);
            return interview == null || interview.deliveredAt() != null
                    || interviews.replace(interview.withDelivered(clock.instant()), interview.revision());
        });
    }

    private void meter(Interview interview, List<Answer> answers) {
        double audio = 0;
        double billed = 0;
        for (Answer answer : answers) {
            if (answer.transcription() != null && answer.transcript() != null) {
                double seconds = answer.audioSeconds() != null ? answer.audioSeconds()
                        : TranscribeOutput.spokenSeconds(answer.transcript());
                audio += seconds;
                billed += Math.max(MINIMUM_BILLED_SECONDS, Math.ceil(seconds)) * answer.transcription().attempts();
            }
        }
        Map<String, Double> amounts = new LinkedHashMap<>();
        amounts.put("screenings", 1.0);
        amounts.put("answers", (double) answers.size());
        amounts.put("audioSeconds", audio);
        amounts.put("billedAudioSeconds", billed);
        usage.record(interview.organisation(), month(interview.completedAt()), "screening#" + interview.interviewId(),
                amounts);
    }

    /** Sends the report email once: the intent is written first; {@code staleIntent} is one a crash left behind. */
    private void email(String organisation, String interviewId, Plan plan, Instant staleIntent) {
        Optional<Report> intent = ConcurrentWrites.retry(REPORT, THE_REPORT, () -> {
            Report report = reports.find(organisation, interviewId).orElseThrow();
            if (report.emailIntentAt() != null && !report.emailIntentAt().equals(staleIntent)) {
                return Optional.of(Optional.<Report>empty()); // sent, or being sent: at most once
            }
            Report withIntent = with(report, clock.instant(), null);
            return reports.replace(withIntent, report.revision()) ? Optional.of(Optional.of(withIntent))
                    : Optional.empty();
        });
        if (intent.isEmpty()) {
            return;
        }
        Report report = intent.get();
        int[] rank = reports.rankOf(organisation, report.planId(), report.overall());
        try {
            mailer.send(ReportEmails.report(report, plan, rank[0], rank[1], reportLink(interviewId)));
        } catch (Mailer.Rejected e) {
            // refused for good (an invalid recipient): recorded on the report for the recruiter, never sent again
            Log.warn("report.email_rejected", Map.of("interviewId", interviewId));
            markRejected(organisation, interviewId, e.getMessage());
            return;
        }
        markSent(organisation, interviewId);
        usage.record(organisation, month(clock.instant()), "email#report#" + interviewId, Map.of("emails", 1.0));
    }

    private void markSent(String organisation, String interviewId) {
        ConcurrentWrites.retry(REPORT, THE_REPORT, () -> {
            Report report = reports.find(organisation, interviewId).orElseThrow();
            return report.emailSentAt() != null
                    || reports.replace(with(report, report.emailIntentAt(), clock.instant()), report.revision());
        });
    }

    private void markRejected(String organisation, String interviewId, String reason) {
        ConcurrentWrites.retry(REPORT, THE_REPORT, () -> {
            Report report = reports.find(organisation, interviewId).orElseThrow();
            return report.emailFailure() != null || reports.replace(report.change(c -> {
                c.emailFailure = reason == null ? "rejected by the mail service" : reason;
                return c;
            }), report.revision());
        });
    }

    public String reportLink(String interviewId) {
        return reportUrl(publicBaseUrl, interviewId);
    }

    /** Where the API serves an interview's report (links in emails, webhooks and partner APIs). */
    public static String reportUrl(String publicBaseUrl, String interviewId) {
        return publicBaseUrl + "/interviews/" + interviewId + "/report";
    }

    /** A report as the API shows it: with rank, percentile and short-lived recording links. */
    public record ReportView(Report report, Integer rank, Integer ranked, Integer percentile,
            Map<String, URI> recordings) {
    }

    public ReportView get(String organisation, String interviewId) {
        Report report = find(organisation, interviewId);
        Map<String, URI> links = new LinkedHashMap<>();
        report.questions().forEach(q -> q.recordingKeys().forEach(key ->
                links.put(key.substring(key.lastIndexOf('/') + 1), recordings.presignDownload(key, RECORDING_LINK_VALIDITY))));
        if (report.overall() == null) {
            return new ReportView(report, null, null, null, links);
        }
        int[] rank = reports.rankOf(organisation, report.planId(), report.overall());
        int percentile = (int) Math.round(100.0 * (rank[1] - rank[0] + 1) / rank[1]);
        return new ReportView(report, rank[0], rank[1], percentile, links);
    }

    private Report find(String organisation, String interviewId) {
        if (!Ids.looksLike("iv", interviewId)) {
            throw new DomainException.NotFound("report");
        }
        return reports.find(organisation, interviewId).orElseThrow(() -> new DomainException.NotFound("report"));
    }

    /** A recruiter sets or overrides one question's score; the original stays, the change is audited. */
    public ReportView review(String organisation, String interviewId, Integer position, Integer score, String reason,
            String reviewer) {
        List<FieldError> errors = new ArrayList<>();
        if (score == null || score < 1 || score > 5) {
            errors.add(new FieldError("score", "must be an integer from 1 to 5"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.add(new FieldError("reason", "is required (at most 1000 characters): say why"));
        }
        if (position == null) {
            errors.add(new FieldError("position", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors);
        }
        ConcurrentWrites.retry(REPORT, THE_REPORT, () -> {
            Report report = find(organisation, interviewId);
            Optional<Report.QuestionReport> question = report.questions().stream()
                    .filter(q -> q.position() == position).findFirst();
            if (question.isEmpty()) {
                throw new DomainException.InvalidInput("position", "the plan has no question " + position);
            }
            List<Report.QuestionReport> questions = new ArrayList<>();
            for (Report.QuestionReport q : report.questions()) {
                questions.add(q.position() != position ? q : q.reviewed(score, reason.trim()));
            }
            List<Report.Review> reviews = new ArrayList<>(report.reviews());
            reviews.add(new Report.Review(position, question.get().score(), score, reason.trim(), reviewer, clock.instant()));
            Report reviewed = ReportBuilder.rescore(report.change(c -> {
                c.questions = questions;
                c.reviews = reviews;
                return c;
            }));
            return reports.replace(reviewed, report.revision());
        });
        Report reviewed = find(organisation, interviewId);
        Report.Review last = reviewed.reviews().get(reviewed.reviews().size() - 1);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("interviewId", interviewId);
        data.put("position", last.position());
        data.put("previousScore", last.previousScore());
        data.put("score", last.score());
        data.put("overall", reviewed.overall());
        data.put("passed", reviewed.passed());
        data.put("reportUrl", reportLink(interviewId));
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.REPORT_OVERRIDDEN, interviewId + "#"
                + reviewed.reviews().size(), last.at()), WebhookEventType.REPORT_OVERRIDDEN, organisation, last.at(), data));
        return get(organisation, interviewId);
    }

    /** A plan's candidates: the completed ranked, the others by state (see {@link CandidateListing}). */
    public Page<CandidateListing.CandidateSummary> candidates(String organisation, String planId, String state,
            Boolean passed, int limit, String cursor) {
        return listing.candidates(organisation, planId, state, passed, limit, cursor);
    }

    public Map<String, Double> usage(String organisation, YearMonth month) {
        return usage.totals(organisation, month);
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    private static Report with(Report r, Instant intentAt, Instant sentAt) {
        return r.change(c -> {
            c.emailIntentAt = intentAt;
            c.emailSentAt = sentAt;
            return c;
        });
    }
}
