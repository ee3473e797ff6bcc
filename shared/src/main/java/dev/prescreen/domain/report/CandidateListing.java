package dev.prescreen.domain.report;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.PlanRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The recruiter's listing of a plan's candidates: the completed ranked by overall score (ties share a rank), the
 * others by state in invitation order, so no candidate is ever out of sight.
 */
public final class CandidateListing {

    /** The most rows one ranking request returns (the CSV export's size). */
    public static final int MAX_RANKED = 10_000;

    private final ReportRepository reports;
    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final CandidateRepository candidates;
    private final UnaryOperator<String> reportLink;

    CandidateListing(ReportRepository reports, InterviewRepository interviews, PlanRepository plans,
            CandidateRepository candidates, UnaryOperator<String> reportLink) {
        this.reports = reports;
        this.interviews = interviews;
        this.plans = plans;
        this.candidates = candidates;
        this.reportLink = reportLink;
    }

    /** The plan's completed candidates, best first, optionally only those who passed or failed. */
    public Page<Report> ranked(String organisation, String planId, Boolean passed, int limit, String cursor) {
        if (!Ids.looksLike("pl", planId) || plans.find(organisation, planId).isEmpty()) {
            throw new DomainException.NotFound("plan");
        }
        if (limit < 1 || limit > MAX_RANKED) {
            throw new DomainException.InvalidInput("limit", "must be from 1 to " + MAX_RANKED);
        }
        if (passed == null) {
            return reports.ranked(organisation, planId, limit, cursor);
        }
        // Filtering keeps the ranking's order; pages are filled from as many index pages as needed.
        List<Report> items = new ArrayList<>();
        String next = cursor;
        do {
            Page<Report> page = reports.ranked(organisation, planId, limit, next);
            page.items().stream().filter(r -> passed.equals(r.passed())).forEach(items::add);
            next = page.nextCursor().orElse(null);
        } while (items.size() < limit && next != null);
        return new Page<>(items, Optional.ofNullable(next));
    }

    /** One candidate of a plan as the recruiter's listing shows it; rank 0 and no score when not completed. */
    public record CandidateSummary(int rank, String interviewId, String candidateId, String externalId, String name,
            Integer overall, Boolean passed, List<String> flags, List<Integer> needsReview, Instant completedAt,
            String reportUrl) {
    }

    /**
     * The listing's states: {@code reporting} is an interview scored and finished whose report is not built yet (it
     * is never hidden between two stages).
     */
    public static final List<String> STATES = List.of("completed", "invited", "in_progress", "submitted", "reporting",
            "expired");

    /**
     * A plan's candidates: the completed ranked by overall score (ties share a rank; optionally only those
     * who passed or failed), the others by state in invitation order.
     */
    public Page<CandidateSummary> candidates(String organisation, String planId, String state, Boolean passed,
            int limit, String cursor) {
        if (!STATES.contains(state)) {
            throw new DomainException.InvalidInput("state", "must be one of " + STATES);
        }
        if (!state.equals("completed")) {
            if (passed != null) {
                throw new DomainException.InvalidInput("passed", "applies to completed candidates only");
            }
            java.util.function.Predicate<Interview> inState = state.equals("reporting")
                    ? i -> i.state() == InterviewState.COMPLETED && reports.find(organisation, i.interviewId()).isEmpty()
                    : i -> i.state() == InterviewState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
            Page<Interview> page = inState(organisation, planId, inState, limit, cursor);
            return new Page<>(page.items().stream().map(interview -> {
                Optional<Candidate> candidate = candidates.find(organisation, interview.candidateId());
                return new CandidateSummary(0, interview.interviewId(), interview.candidateId(),
                        candidate.map(Candidate::externalId).orElse(null), candidate.map(Candidate::name).orElse(null),
                        null, null, List.of(), List.of(), null, null);
            }).toList(), page.nextCursor());
        }
        Page<Report> page = ranked(organisation, planId, passed, limit, cursor);
        Map<Integer, Integer> rankByScore = new java.util.HashMap<>();
        List<CandidateSummary> rows = new ArrayList<>();
        for (Report report : page.items()) {
            int rank = report.overall() == null ? 0 : rankByScore.computeIfAbsent(report.overall(),
                    overall -> reports.rankOf(organisation, planId, overall)[0]);
            Optional<Candidate> candidate = candidates.find(organisation, report.candidateId());
            List<String> flags = report.questions().stream().flatMap(q -> q.flags().stream()).distinct().sorted().toList();
            rows.add(new CandidateSummary(rank, report.interviewId(), report.candidateId(),
                    candidate.map(Candidate::externalId).orElse(null), report.candidateName(), report.overall(),
                    report.passed(), flags, report.needsReview(), report.completedAt(), reportLink.apply(report.interviewId())));
        }
        return new Page<>(rows, page.nextCursor());
    }

    /** The plan's interviews in a state other than completed, oldest invitation first. */
    private Page<Interview> inState(String organisation, String planId, java.util.function.Predicate<Interview> state,
            int limit, String cursor) {
        if (!Ids.looksLike("pl", planId) || plans.find(organisation, planId).isEmpty()) {
            throw new DomainException.NotFound("plan");
        }
        int from = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^at:", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException.InvalidInput("cursor", "is not a cursor from this listing");
            }
        }
        List<Interview> matching = interviews.ofPlan(organisation, planId).stream()
                .filter(state)
                .sorted(java.util.Comparator.comparing(Interview::invitedAt).thenComparing(Interview::interviewId))
                .toList();
        int to = Math.min(matching.size(), from + limit);
        Optional<String> next = to < matching.size()
                ? Optional.of(java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("at:" + to).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                : Optional.empty();
        return new Page<>(from >= matching.size() ? List.of() : matching.subList(from, to), next);
    }

}
