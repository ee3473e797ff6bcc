package dev.prescreen.domain.report;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.EmailAddress;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.compliance.AlternativeRequest;
import dev.prescreen.domain.compliance.AlternativeRequestRepository;
import dev.prescreen.domain.compliance.SelfIdentifications;
import dev.prescreen.domain.candidate.CandidateRepository;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.session.RecordingStore;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.List;

/**
 * A candidate's right to erasure: their name and contact details, answers, transcripts, recordings, report,
 * voluntary self-identification and the words of their alternative-process requests are deleted and their link stops
 * working. Only the anonymous usage counts and the audit trail (ids only) remain.
 */
public final class ErasureService {

    private final CandidateRepository candidates;
    private final InterviewRepository interviews;
    private final ReportRepository reports;
    private final RecordingStore recordings;
    private final RecordingStore transcripts;
    private final WebhookPorts.Publisher events;
    private final SelfIdentifications.Writer selfIdentifications;
    private final AlternativeRequestRepository requests;
    private final Clock clock;

    public ErasureService(CandidateRepository candidates, InterviewRepository interviews, ReportRepository reports,
            RecordingStore recordings, RecordingStore transcripts, SelfIdentifications.Writer selfIdentifications,
            AlternativeRequestRepository requests, WebhookPorts.Publisher events, Clock clock) {
        this.selfIdentifications = selfIdentifications;
        this.requests = requests;
        this.events = events;
        this.candidates = candidates;
        this.interviews = interviews;
        this.reports = reports;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** Erases the candidate; returns the id of their interview (for the audit trail). */
    public String erase(String organisation, String candidateId) {
        if (!Ids.looksLike("cd", candidateId)) {
            throw new DomainException.NotFound("candidate");
        }
        Candidate candidate = candidates.find(organisation, candidateId)
                .orElseThrow(() -> new DomainException.NotFound("candidate"));
        if (candidate.state() != CandidateState.ERASED) {
            String email = candidate.email();
            ConcurrentWrites.retry("candidate", "the candidate", () -> {
                Candidate current = candidates.find(organisation, candidateId).orElseThrow();
                return current.state() == CandidateState.ERASED
                        || candidates.replace(current.erased(), current.revision());
            });
            candidates.releaseEmails(organisation, candidate.planId(), List.of(EmailAddress.normalise(email)));
        }
        // Repeating the erasure finishes whatever an interrupted one left; the interview is closed before its data go.
        ConcurrentWrites.retry("candidate", "the candidate's interview", () -> {
            Interview interview = interviews.find(organisation, candidate.interviewId()).orElse(null);
            return interview == null || interview.state() == InterviewState.ERASED
                    || interviews.replace(interview.withState(InterviewState.ERASED, clock.instant()),
                            interview.revision());
        });
        interviews.deleteAnswers(organisation, candidate.interviewId());
        reports.delete(organisation, candidate.interviewId());
        recordings.deletePrefix("recordings/" + organisation + "/" + candidate.planId() + "/" + candidate.interviewId() + "/");
        transcripts.deletePrefix("transcripts/" + organisation + "/" + candidate.interviewId() + "/");
        selfIdentifications.delete(organisation, candidate.planId(), candidate.interviewId());
        for (AlternativeRequest request : requests.ofCandidate(organisation, candidateId)) {
            if (request.text() != null || request.note() != null) {
                ConcurrentWrites.retry("candidate", "the candidate's request", () -> {
                    AlternativeRequest current = requests.find(organisation, request.requestId()).orElse(null);
                    return current == null || current.text() == null && current.note() == null
                            || requests.replace(current.erased(), current.revision());
                });
            }
        }
        // for the organisation's other systems to erase their copies; a repeated erasure repeats the same event id
        Instant at = candidates.find(organisation, candidateId).map(c -> c.sentAt() != null ? c.sentAt() : null)
                .orElse(null);
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.CANDIDATE_ERASED, candidateId,
                at != null ? at : Instant.EPOCH), WebhookEventType.CANDIDATE_ERASED, organisation, clock.instant(),
                Map.of("candidateId", candidateId, "interviewId", candidate.interviewId())));
        return candidate.interviewId();
    }
}
