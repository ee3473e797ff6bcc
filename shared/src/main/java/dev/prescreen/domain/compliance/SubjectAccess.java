package dev.prescreen.domain.compliance;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditEntry;
import dev.prescreen.domain.audit.AuditLog;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import dev.prescreen.domain.interview.Accommodation;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Consent;
import dev.prescreen.domain.interview.IntegritySignals;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.scoring.Evidence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Subject access (GDPR Art. 15, Colorado's right to correct): everything prescreen holds about one candidate as one
 * document, field by field. The report, with its scorer version, overrides and recording links, is added by the
 * caller from the report service; the export itself is audited.
 */
public final class SubjectAccess {

    /**
     * What the export says about the voluntary self-identification: it is not in the document because no recruiter
     * route can read it.
     */
    public static final String SELF_IDENTIFICATION_NOTE = "Voluntary self-identification (sex, race/ethnicity), if "
            + "the candidate gave it, is stored apart and can be read by no recruiter route, this one included: it "
            + "is only counted in impact ratios, and it is erased with the candidate.";
    private static final int AUDIT_PAGE = 500;

    private final CandidateRepository candidates;
    private final InterviewRepository interviews;
    private final AlternativeRequestRepository requests;
    private final AuditTrail audit;
    private final Clock clock;

    public SubjectAccess(CandidateRepository candidates, InterviewRepository interviews,
            AlternativeRequestRepository requests, AuditTrail audit, Clock clock) {
        this.candidates = candidates;
        this.interviews = interviews;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    public record CandidateExport(Instant exportedAt, CandidatePart candidate, InterviewPart interview,
            List<AnswerPart> answers, List<AlternativeRequestPart> alternativeRequests, List<AuditPart> audit,
            String selfIdentification) {
    }

    /** @param advanceNotice the notice given ahead of the interview, when the organisation requires one */
    public record CandidatePart(String candidateId, String planId, String batchId, String name, String email,
            String phone, String externalId, String state, Instant sentAt, String failureReason,
            dev.prescreen.domain.candidate.AdvanceNotice advanceNotice) {
    }

    public record InterviewPart(String interviewId, String state, String planVersion, Instant invitedAt,
            Instant expiresAt, Consent consent, Instant startedAt, Instant submittedAt, Instant completedAt,
            Accommodation accommodation) {
    }

    public record ScorePart(int score, String anchor, String rule, String reason, List<Evidence> evidence,
            List<String> flags, String scorerVersion) {
    }

    public record AnswerPart(String answerId, int position, String kind, String question, String type,
            String language, String state, Instant servedAt, Instant submittedAt, boolean late, String mode,
            String recordingContentType, Double audioSeconds, String transcript, String followUpQuestion,
            ScorePart score, String failureReason, int takes, String videoFallback, IntegritySignals integrity) {
    }

    public record AlternativeRequestPart(String requestId, String text, String status, Instant requestedAt,
            Instant resolvedAt, String note, Integer extraAnswerSeconds) {
    }

    /** An audit entry as the API shows it (the export and the audit listing): the action by its wire name. */
    public record AuditPart(String entryId, Instant at, String actor, String action, String candidateId,
            String interviewId, String planId, String detail) {
        public static AuditPart of(AuditEntry e) {
            return new AuditPart(e.entryId(), e.at(), e.actor(), e.action().wireName(), e.candidateId(),
                    e.interviewId(), e.planId(), e.detail());
        }
    }

    /** The candidate's data; 404 for an unknown id or another organisation's candidate. */
    public CandidateExport export(String organisation, String candidateId, String actor) {
        if (!Ids.looksLike("cd", candidateId)) {
            throw new DomainException.NotFound("candidate");
        }
        Candidate c = candidates.find(organisation, candidateId)
                .orElseThrow(() -> new DomainException.NotFound("candidate"));
        Interview iv = interviews.find(organisation, c.interviewId()).orElse(null);
        List<AnswerPart> answers = iv == null ? List.of() : interviews.answers(organisation, iv.interviewId()).stream()
                .sorted(Comparator.comparingInt(Answer::position).thenComparing(a -> a.kind().ordinal()))
                .map(SubjectAccess::answer).toList();
        List<AlternativeRequestPart> asked = requests.ofCandidate(organisation, candidateId).stream()
                .map(r -> new AlternativeRequestPart(r.requestId(), r.text(), r.status().wireName(), r.requestedAt(),
                        r.resolvedAt(), r.note(), r.extraAnswerSeconds())).toList();
        // the export is itself an entry: recorded first, so the document shows it
        audit.record(organisation, actor, AuditAction.CANDIDATE_EXPORTED, new AuditTrail.Subject(candidateId,
                c.interviewId(), c.planId()), null);
        List<AuditPart> entries = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = audit.find(organisation, new AuditLog.AuditQuery(candidateId, null, null, null),
                    AUDIT_PAGE, cursor);
            page.items().forEach(entry -> entries.add(AuditPart.of(entry)));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return new CandidateExport(clock.instant(), new CandidatePart(c.candidateId(), c.planId(), c.batchId(),
                c.name(), c.email(), c.phone(), c.externalId(), c.state().wireName(), c.sentAt(), c.failureReason(),
                c.notice()),
                iv == null ? null : new InterviewPart(iv.interviewId(), iv.state().name().toLowerCase(Locale.ROOT),
                        iv.planVersion(), iv.invitedAt(), iv.expiresAt(), iv.consent(), iv.startedAt(),
                        iv.submittedAt(), iv.completedAt(), iv.accommodation()),
                answers, asked, entries, SELF_IDENTIFICATION_NOTE);
    }

    private static AnswerPart answer(Answer a) {
        ScorePart score = a.scoreCard() == null ? null : new ScorePart(a.scoreCard().score(), a.scoreCard().anchor(),
                a.scoreCard().rule(), a.scoreCard().reason(), a.scoreCard().evidence(),
                a.scoreCard().flags().stream().map(dev.prescreen.scoring.Flag::wireName).toList(),
                a.scoreCard().scorerVersion());
        return new AnswerPart(a.answerId(), a.position(), a.kind().name().toLowerCase(Locale.ROOT), a.questionText(),
                a.questionType() == null ? null : a.questionType().label(), a.language(),
                a.state().name().toLowerCase(Locale.ROOT), a.servedAt(), a.submittedAt(), a.late(), a.mode(),
                a.recordingContentType(), a.audioSeconds(), a.transcript() == null ? null : a.transcript().text(),
                a.followUp() == null ? null : a.followUp().text(), score, a.failureReason(), a.takes(),
                a.videoFallback(), a.integrity());
    }
}
