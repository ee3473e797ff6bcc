package dev.prescreen.domain.candidate;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.EmailAddress;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.organisation.NoticeLead;
import dev.prescreen.domain.organisation.OrganisationSettings;
import dev.prescreen.domain.organisation.OrganisationSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Candidate batches: every row checked on its own (a bad row never stops the good ones), duplicates
 * refused within the batch and against everyone the plan has invited, and the send scheduled.
 */
public final class BatchService {

    public static final int MAX_CANDIDATES = 10_000;
    public static final Duration MAX_LEAD_TIME = Duration.ofDays(90);
    /** Send times this close count as "now": no schedule for a batch that would fire at once. */
    private static final Duration IMMEDIATE = Duration.ofSeconds(5);
    /** A send time this far in the past is a mistake, not "now". */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_NAME = 200;
    private static final int MAX_EXTERNAL_ID = 100;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,32}$");

    private final CandidateRepository candidates;
    private final PlanRepository plans;
    private final InterviewRepository interviews;
    private final BatchDispatch dispatch;
    private final OrganisationSettingsService organisations;
    private final Clock clock;

    public BatchService(CandidateRepository candidates, PlanRepository plans, InterviewRepository interviews,
            BatchDispatch dispatch, OrganisationSettingsService organisations, Clock clock) {
        this.organisations = organisations;
        this.candidates = candidates;
        this.plans = plans;
        this.interviews = interviews;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    public record Created(Batch batch, List<RowRejection> rejected) {
    }

    public Created create(String organisation, String planId, List<CandidateRow> rows, Instant sendAt) {
        Plan plan = plan(organisation, planId);
        if (plan.status() == Plan.PlanStatus.ARCHIVED) {
            throw new DomainException.Conflict("planId", "the plan is archived and invites no one");
        }
        if (rows.isEmpty()) {
            throw new DomainException.InvalidInput("candidates", "at least one candidate is required");
        }
        if (rows.size() > MAX_CANDIDATES) {
            throw new DomainException.InvalidInput("candidates", "at most " + MAX_CANDIDATES + " per batch, not " + rows.size());
        }
        Instant now = clock.instant();
        OrganisationSettings settings = organisations.get(organisation);
        // no send time means "as soon as allowed": now, or when the required notice has run
        Instant when = sendAt != null ? sendAt : settings.requiresNotice() ? earliestSend(settings, plan, now) : now;
        if (when.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new DomainException.InvalidInput("sendAt", "is in the past");
        }
        if (when.isAfter(now.plus(MAX_LEAD_TIME))) {
            throw new DomainException.InvalidInput("sendAt", "is more than " + MAX_LEAD_TIME.toDays() + " days ahead");
        }
        AdvanceNotice notice = advanceNotice(settings, plan, now, when);
        Set<String> invited = candidates.invitedEmails(organisation, planId);
        Set<String> seen = new HashSet<>();
        List<RowRejection> rejected = new ArrayList<>();
        List<Candidate> accepted = new ArrayList<>();
        String batchId = Ids.newId("bt", clock);
        for (CandidateRow row : rows) {
            RowRejection problem = check(row);
            if (problem == null) {
                String normalised = EmailAddress.normalise(row.email());
                if (invited.contains(normalised)) {
                    problem = new RowRejection(row.row(), "email", "is already invited to this plan");
                } else if (!seen.add(normalised)) {
                    problem = new RowRejection(row.row(), "email", "appears twice in this batch");
                }
            }
            if (problem != null) {
                rejected.add(problem);
                continue;
            }
            accepted.add(new Candidate(Ids.newId("cd", clock), organisation, planId, batchId, row.name().trim(),
                    row.email().trim(), blankToNull(row.phone()), blankToNull(row.externalId()), CandidateState.SCHEDULED,
                    Ids.newId("iv", clock), null, null, null, notice, 1));
        }
        if (accepted.isEmpty()) {
            throw new DomainException.InvalidInput(rejected.stream()
                    .map(r -> new dev.prescreen.domain.FieldError("row " + r.row() + "." + r.field(), r.reason()))
                    .toList());
        }
        Batch batch = new Batch(batchId, organisation, planId, when, Batch.BatchStatus.SCHEDULED, accepted.size(),
                rejected.size(), now, 1);
        candidates.createBatch(batch);
        candidates.createCandidates(accepted);
        if (when.isAfter(now.plus(IMMEDIATE))) {
            dispatch.schedule(batch);
        } else {
            dispatch.sendNow(batch);
        }
        if (notice != null) {
            // the notices go now (fanned out by the batch sender), once the invitations' schedule stands
            dispatch.noticesNow(batch);
        }
        return new Created(batch, rejected);
    }

    /**
     * The notice the organisation requires before an automated interview, if any; a send time earlier than its lead
     * allows is refused with the earliest allowed.
     */
    private AdvanceNotice advanceNotice(OrganisationSettings settings, Plan plan, Instant now, Instant when) {
        if (!settings.requiresNotice()) {
            return null;
        }
        Instant earliest = earliestSend(settings, plan, now);
        if (when.isBefore(earliest)) {
            throw new DomainException.InvalidInput("sendAt", "must be at or after " + earliest + ": candidates get "
                    + settings.noticeLeadBusinessDays() + " business days' notice before an automated interview "
                    + "(the organisation's noticeLeadBusinessDays)");
        }
        return AdvanceNotice.due(settings.noticeLeadBusinessDays());
    }

    private static Instant earliestSend(OrganisationSettings settings, Plan plan, Instant now) {
        // rounded up to the next whole hour, so that the time the error names stays allowed for a while
        return NoticeLead.earliestSend(now, settings.noticeLeadBusinessDays(), java.time.ZoneId.of(plan.timeZone()))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(java.time.Duration.ofHours(1));
    }

    private static RowRejection check(CandidateRow row) {
        if (row.name() == null || row.name().isBlank()) {
            return new RowRejection(row.row(), "name", "is required");
        }
        if (row.name().trim().length() > MAX_NAME) {
            return new RowRejection(row.row(), "name", "is longer than " + MAX_NAME + " characters");
        }
        Optional<String> nameProblem = dev.prescreen.domain.Text.nameProblem(row.name().trim());
        if (nameProblem.isPresent()) {
            return new RowRejection(row.row(), "name", nameProblem.get());
        }
        if (row.externalId() != null && dev.prescreen.domain.Text.nameProblem(row.externalId()).isPresent()) {
            return new RowRejection(row.row(), "externalId",
                    dev.prescreen.domain.Text.nameProblem(row.externalId()).get());
        }
        String emailProblem = EmailAddress.problem(row.email());
        if (emailProblem != null) {
            return new RowRejection(row.row(), "email", emailProblem);
        }
        if (row.phone() != null && !row.phone().isBlank() && !PHONE.matcher(row.phone().trim()).matches()) {
            return new RowRejection(row.row(), "phone", "is not a phone number");
        }
        if (row.externalId() != null && row.externalId().length() > MAX_EXTERNAL_ID) {
            return new RowRejection(row.row(), "externalId", "is longer than " + MAX_EXTERNAL_ID + " characters");
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The batch with how many of its candidates are in each state. */
    public record Status(Batch batch, Map<String, Integer> counts) {
    }

    public Status status(String organisation, String planId, String batchId) {
        Batch batch = batch(organisation, planId, batchId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of("scheduled", "sending", "sent", "failed", "started", "completed", "expired",
                "cancelled", "undeliverable")) {
            counts.put(state, 0);
        }
        for (Candidate candidate : candidates.inBatch(organisation, batchId)) {
            counts.merge(candidate.state().wireName(), 1, Integer::sum);
        }
        for (Interview interview : interviews.ofPlan(organisation, planId)) {
            if (!batchId.equals(interview.batchId())) {
                continue;
            }
            String progress = switch (interview.state()) {
                case IN_PROGRESS, SUBMITTED -> "started";
                case COMPLETED -> "completed";
                case EXPIRED -> "expired";
                default -> null;
            };
            if (progress != null) {
                counts.merge(progress, 1, Integer::sum);
            }
        }
        return new Status(batch, counts);
    }

    /** Cancels a batch whose send time has not come: no one is invited, and their addresses are free again. */
    private static final String BATCH = "batchId";
    private static final String THE_BATCH = "the batch";

    public Status cancel(String organisation, String planId, String batchId) {
        Optional<Batch> cancelled = ConcurrentWrites.retry(BATCH, THE_BATCH, () -> {
            Batch batch = batch(organisation, planId, batchId);
            if (batch.status() == Batch.BatchStatus.CANCELLED) {
                return Optional.of(Optional.<Batch>empty());
            }
            if (batch.status() != Batch.BatchStatus.SCHEDULED || !batch.sendAt().isAfter(clock.instant())) {
                throw new DomainException.Conflict(BATCH, "the batch is already being sent");
            }
            return candidates.replaceBatch(batch.withStatus(Batch.BatchStatus.CANCELLED), batch.revision())
                    ? Optional.of(Optional.of(batch)) : Optional.empty();
        });
        if (cancelled.isEmpty()) {
            return status(organisation, planId, batchId);
        }
        dispatch.unschedule(cancelled.get());
        List<String> released = new ArrayList<>();
        for (Candidate scheduled : candidates.inBatch(organisation, batchId)) {
            // a candidate whose invitation is already under way (a race with the send) is not cancelled
            boolean freed = ConcurrentWrites.retry(BATCH, "a candidate of the batch", () -> {
                Candidate c = candidates.find(organisation, scheduled.candidateId()).orElse(null);
                if (c == null || c.state() != CandidateState.SCHEDULED) {
                    return Optional.of(false);
                }
                return candidates.replace(c.withState(CandidateState.CANCELLED, null, null, null), c.revision())
                        ? Optional.of(true) : Optional.empty();
            });
            if (freed) {
                released.add(EmailAddress.normalise(scheduled.email()));
            }
        }
        candidates.releaseEmails(organisation, planId, released);
        return status(organisation, planId, batchId);
    }

    /**
     * The batch was created by an organisation that gives notice: one advance-notice message per scheduled candidate
     * whose notice has not gone yet (a redelivery sends no notice twice: each is sent at most once).
     */
    public int sendNotices(String organisation, String planId, String batchId) {
        Optional<Batch> batch = candidates.findBatch(organisation, planId, batchId)
                .filter(b -> b.status() != Batch.BatchStatus.CANCELLED);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Candidate> members = candidates.inBatch(organisation, batchId);
        List<String> ids = members.stream()
                .filter(c -> c.state() == CandidateState.SCHEDULED && c.notice() != null
                        && c.notice().intentAt() == null)
                .map(Candidate::candidateId).toList();
        if (!ids.isEmpty()) {
            dispatch.giveNotice(organisation, ids);
        }
        if (members.size() < batch.get().accepted()) {
            // the batch's index has not caught up with every candidate written: the queue retries the rest (no
            // candidate is given notice twice), rather than leaving someone without it
            throw new IllegalStateException("batch " + batchId + " lists " + members.size() + " of "
                    + batch.get().accepted() + " candidates so far");
        }
        return ids.size();
    }

    /** The batch's send time has come: one invitation message per scheduled candidate. */
    public int send(String organisation, String planId, String batchId) {
        boolean sending = ConcurrentWrites.retry(BATCH, THE_BATCH, () -> {
            Batch batch = candidates.findBatch(organisation, planId, batchId).orElse(null);
            if (batch == null || batch.status() == Batch.BatchStatus.CANCELLED) {
                return Optional.of(false);
            }
            return batch.status() != Batch.BatchStatus.SCHEDULED
                    || candidates.replaceBatch(batch.withStatus(Batch.BatchStatus.SENDING), batch.revision())
                    ? Optional.of(true) : Optional.empty();
        });
        if (!sending) {
            return 0;
        }
        List<String> ids = candidates.inBatch(organisation, batchId).stream()
                .filter(c -> c.state() == CandidateState.SCHEDULED).map(Candidate::candidateId).toList();
        dispatch.invite(organisation, ids);
        ConcurrentWrites.retry(BATCH, THE_BATCH, () -> {
            Batch b = candidates.findBatch(organisation, planId, batchId).orElse(null);
            return b == null || b.status() != Batch.BatchStatus.SENDING
                    || candidates.replaceBatch(b.withStatus(Batch.BatchStatus.SENT), b.revision());
        });
        return ids.size();
    }

    private Plan plan(String organisation, String planId) {
        if (!Ids.looksLike("pl", planId)) {
            throw new DomainException.NotFound("plan");
        }
        return plans.find(organisation, planId).orElseThrow(() -> new DomainException.NotFound("plan"));
    }

    private Batch batch(String organisation, String planId, String batchId) {
        plan(organisation, planId);
        if (!Ids.looksLike("bt", batchId)) {
            throw new DomainException.NotFound("batch");
        }
        return candidates.findBatch(organisation, planId, batchId)
                .orElseThrow(() -> new DomainException.NotFound("batch"));
    }


}
