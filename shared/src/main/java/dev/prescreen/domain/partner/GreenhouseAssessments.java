package dev.prescreen.domain.partner;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.candidate.BatchService;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import dev.prescreen.domain.candidate.CandidateRow;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportRepository;
import dev.prescreen.domain.webhook.WebhookService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Greenhouse's assessment partner API, prescreen's side: a plan is a test; sending a test invites the candidate
 * now (the invitation email is prescreen's) and keeps Greenhouse's callback; the test's status is the report's
 * overall score once it exists. On completion the callback gets an empty PATCH and Greenhouse reads the status.
 */
public final class GreenhouseAssessments {

    /** The one status Greenhouse defines; anything else is "not yet". */
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    private static final int PAGE = 100;

    private final PlanRepository plans;
    private final BatchService batches;
    private final CandidateRepository candidates;
    private final ReportRepository reports;
    private final WebhookService webhooks;
    private final UnaryOperator<String> reportLink;

    /** @param reportLink an interview id to its report's URL */
    public GreenhouseAssessments(PlanRepository plans, BatchService batches, CandidateRepository candidates,
            ReportRepository reports, WebhookService webhooks, UnaryOperator<String> reportLink) {
        this.plans = plans;
        this.batches = batches;
        this.candidates = candidates;
        this.reports = reports;
        this.webhooks = webhooks;
        this.reportLink = reportLink;
    }

    public record Test(String partnerTestId, String partnerTestName) {
    }

    /** The organisation's active plans (frozen or not: the first invitation freezes a plan). */
    public List<Test> listTests(String organisation) {
        List<Test> tests = new ArrayList<>();
        String cursor = null;
        do {
            Page<Plan> page = plans.list(organisation, PAGE, cursor);
            page.items().stream().filter(p -> p.status() == Plan.PlanStatus.ACTIVE)
                    .forEach(p -> tests.add(new Test(p.planId(), p.roleTitle() + " (" + p.language() + ")")));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return tests;
    }

    /** Greenhouse's candidate, as {@code send_test} posts it. */
    public record GreenhouseCandidate(String firstName, String lastName, String preferredName, String email,
                                      String phoneNumber, String greenhouseProfileUrl) {
    }

    /** Invites the candidate to the test's plan now and keeps the callback; returns the partner interview id. */
    public String sendTest(String organisation, String partnerTestId, GreenhouseCandidate candidate, String callbackUrl) {
        List<FieldError> errors = new ArrayList<>();
        if (partnerTestId == null || partnerTestId.isBlank()) {
            errors.add(new FieldError("partner_test_id", "is required"));
        }
        if (candidate == null) {
            errors.add(new FieldError("candidate", "is required"));
        }
        if (callbackUrl == null || callbackUrl.isBlank()) {
            errors.add(new FieldError("url", "is required: the callback Greenhouse is told on completion"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors);
        }
        plans.find(organisation, partnerTestId).orElseThrow(() -> new DomainException.NotFound("test"));
        String first = candidate.preferredName() != null && !candidate.preferredName().isBlank()
                ? candidate.preferredName() : candidate.firstName();
        String name = ((first == null ? "" : first.trim()) + " " + (candidate.lastName() == null ? ""
                : candidate.lastName().trim())).trim();
        BatchService.Created created;
        try {
            created = batches.create(organisation, partnerTestId, List.of(new CandidateRow(1, name, candidate.email(),
                    candidate.phoneNumber(), null)), null);
        } catch (DomainException.InvalidInput rejected) {
            // the batch's "row 1.<field>" is Greenhouse's candidate.<field>
            throw new DomainException.InvalidInput(rejected.errors().stream().map(e -> new FieldError(
                    e.field().replace("row 1.", "candidate."), e.reason())).toList());
        }
        Candidate invited = candidates.inBatch(organisation, created.batch().batchId()).get(0);
        webhooks.registerCallback(organisation, PartnerKeys.GREENHOUSE, invited.candidateId(), callbackUrl);
        return invited.candidateId();
    }

    /** {@code partner_status}, and once complete the score, the report and a flat metadata object. */
    public record Status(String partnerStatus, Integer partnerScore, String partnerProfileUrl,
                         Map<String, Object> metadata) {
    }

    public Status testStatus(String organisation, String partnerInterviewId) {
        if (partnerInterviewId == null || partnerInterviewId.isBlank()) {
            throw new DomainException.InvalidInput("partner_interview_id", "is required");
        }
        Candidate candidate = candidates.find(organisation, partnerInterviewId)
                .orElseThrow(() -> new DomainException.NotFound("interview"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        Report report = candidate.interviewId() == null ? null
                : reports.find(organisation, candidate.interviewId()).orElse(null);
        if (report == null) {
            metadata.put("state", candidate.state().name().toLowerCase(java.util.Locale.ROOT));
            return new Status(INCOMPLETE, null, null, metadata);
        }
        metadata.put("passed", report.passed());
        metadata.put("needs_review", !report.needsReview().isEmpty());
        metadata.put("flags", String.join(",", report.questions().stream().flatMap(q -> q.flags().stream())
                .distinct().sorted().toList()));
        return new Status(COMPLETE, report.overall(), reportLink.apply(report.interviewId()), metadata);
    }
}
