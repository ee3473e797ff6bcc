package dev.prescreen.domain.session;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Consent;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.IntegritySignals;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.transcription.RecordingKey;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate's side of an interview: the invitation token is the only credential. Every write is
 * conditional on what was read, so a double click, a retry or a second tab has one effect, and a
 * candidate who reconnects continues at the first unanswered question.
 */
public final class SessionService {

    /** Network and page latency a candidate is allowed beyond the answer time before an answer counts as late. */
    public static final Duration GRACE = Duration.ofSeconds(15);
    public static final Duration UPLOAD_URL_VALIDITY = Duration.ofMinutes(5);
    private static final String SESSION = "session";
    /** Characters of a random token in an upload's key: enough that no two uploads of an answer meet. */
    private static final int UPLOAD_ID_LENGTH = 12;
    private static final String THE_INTERVIEW = "the interview";

    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final RecordingStore recordings;
    private final PipelineEvents pipeline;
    private final WebhookPorts.Publisher events;
    private final dev.prescreen.domain.organisation.OrganisationSettingsService organisations;
    private final Clock clock;

    /**
     * @param followUpWait how long the page waits for the scorer to propose a follow-up before moving on
     */
    public SessionService(InterviewRepository interviews, PlanRepository plans, RecordingStore recordings,
            PipelineEvents pipeline, WebhookPorts.Publisher events,
            dev.prescreen.domain.organisation.OrganisationSettingsService organisations, Clock clock,
            Duration followUpWait) {
        this.organisations = organisations;
        this.events = events;
        this.interviews = interviews;
        this.plans = plans;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.clock = clock;
        this.walk = new InterviewWalk(interviews, pipeline, clock, followUpWait);
    }

    private final InterviewWalk walk;

    private OpenSession open(String token) {
        return OpenSession.of(token, interviews, plans, clock.instant());
    }

    public SessionView view(String token) {
        OpenSession context = open(token);
        return view(context, interviews.answers(context.interview().organisation(), context.interview().interviewId()));
    }

    private SessionView view(OpenSession context, List<Answer> answers) {
        Interview interview = context.interview();
        Plan plan = context.plan();
        return new SessionView(plan.roleTitle(), plan.language(), plan.questions().size(), interview.answerSeconds(plan),
                plan.slotMinutes(), ConsentNotice.forPlan(plan), interview.consent() != null,
                interview.state().name().toLowerCase(Locale.ROOT), InterviewWalk.answeredMain(answers), interview.expiresAt(),
                plan.timeZone(), plan.answering().capture().wireName(), plan.answering().retakesPerQuestion(),
                plan.answering().integritySignals(), RecordingFormats.limits(plan.answering().capture()),
                interview.accommodation().extraAnswerSeconds(),
                SessionView.AlternativeRequestState.of(interview.accommodation()),
                interview.state() == InterviewState.COMPLETED,
                organisations.get(interview.organisation()).offersSelfIdentification());
    }

    /**
     * Records consent to the notice version the candidate saw (wording and language, see
     * {@link ConsentNotice#accepts}); repeating it changes nothing.
     */
    public SessionView consent(String token, String noticeVersion) {
        ConsentNotice notice = ConsentNotice.forPlan(open(token).plan());
        if (!notice.accepts(noticeVersion)) {
            throw new DomainException.InvalidInput("noticeVersion",
                    "must be the version of the notice shown (" + notice.version() + ")");
        }
        ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            Interview interview = open(token).interview();
            return interview.consent() != null
                    || interviews.replace(interview.withConsent(new Consent(clock.instant(), notice.version())),
                            interview.revision());
        });
        // the interview starts with the consent; a repeated consent publishes the same event id again (received once)
        Interview started = open(token).interview();
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.INTERVIEW_STARTED, started.interviewId(),
                started.startedAt()), WebhookEventType.INTERVIEW_STARTED, started.organisation(), started.startedAt(),
                Map.of("interviewId", started.interviewId(), "candidateId", String.valueOf(started.candidateId()),
                        "planId", started.planId())));
        return view(token);
    }

    /** The step the candidate is at; serving a question starts its answer time. */
    public Step current(String token) {
        return ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            OpenSession context = open(token);
            requireConsent(context.interview());
            return walk.next(context.interview(), context.plan());
        });
    }


    /**
     * A signed URL for the current answer's recording, of one of the {@link RecordingFormats} the plan accepts.
     *
     * @param videoFallback for a plan that records video and a sound-only recording: why (see
     *                      {@link RecordingFormats#VIDEO_FALLBACKS}); recorded on the answer for the report
     */
    public UploadTicket uploadUrl(String token, String answerId, String contentType, Long contentLength,
            String videoFallback) {
        String type = RecordingFormats.bare(contentType);
        // A key of its own for every upload URL, recorded on the answer: only that object is transcribed and kept.
        String uploadId = InvitationTokens.newToken().substring(0, UPLOAD_ID_LENGTH);
        String key = changeOpenAnswer(token, answerId, (context, answer) -> {
            RecordingFormats.Checked upload = RecordingFormats.check(context.plan().answering().capture(), type,
                    contentLength, videoFallback);
            return answer.change(b -> {
                b.recordingKey = recordingKey(answer, uploadId, type);
                b.recordingContentType = type;
                b.videoFallback = upload.videoFallback();
                return b;
            });
        }).answer().recordingKey();
        Instant expires = clock.instant().plus(UPLOAD_URL_VALIDITY);
        // The URL creates its object once (If-None-Match: *): a second PUT is refused, nothing is overwritten.
        return new UploadTicket(recordings.presignUpload(key, type, contentLength, UPLOAD_URL_VALIDITY), "PUT",
                Map.of("Content-Type", type, "If-None-Match", "*"), expires);
    }

    /**
     * The candidate discards the answer's recording and records it again: allowed while the answer is open and
     * the plan's {@code retakesPerQuestion} is not used up (409 naming it otherwise). Nothing was uploaded of the
     * discarded take; the report says how many takes an answer used.
     */
    public TakeView retake(String token, String answerId) {
        Changed taken = changeOpenAnswer(token, answerId, (context, answer) -> {
            int allowed = context.plan().answering().takesPerQuestion();
            if (answer.takes() >= allowed) {
                throw new DomainException.Conflict("retakesPerQuestion", "this interview allows "
                        + context.plan().answering().retakesPerQuestion() + " retakes per question, all used");
            }
            return answer.change(b -> {
                b.takes = answer.takes() + 1;
                return b;
            });
        });
        return TakeView.of(taken.answer(), taken.context().plan().answering());
    }

    /**
     * The page's running totals of what it noticed while the answer was open (pasting, leaving the page), for
     * the report; totals only grow. An answer of another session is not found (404); a plan that does not collect
     * them refuses them (409).
     */
    public void integrity(String token, String answerId, IntegritySignals totals) {
        changeOpenAnswer(token, answerId, (context, answer) -> {
            if (!context.plan().answering().integritySignals()) {
                throw new DomainException.Conflict("integritySignals", "this interview does not collect them");
            }
            IntegritySignals merged = answer.integrity() == null ? totals : answer.integrity().merge(totals);
            return answer.change(b -> {
                b.integrity = merged;
                return b;
            });
        });
    }

    /** An answer as changed, with the interview and plan it was changed under. */
    private record Changed(OpenSession context, Answer answer) {
    }

    /** Applies a change to an answer of this session not yet submitted, retried on a write conflict. */
    private Changed changeOpenAnswer(String token, String answerId,
            java.util.function.BiFunction<OpenSession, Answer, Answer> change) {
        return ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            OpenSession context = open(token);
            requireConsent(context.interview());
            Answer answer = openAnswer(context, answerId);
            Answer changed = change.apply(context, answer);
            return interviews.replaceAnswer(changed, answer.revision())
                    ? Optional.of(new Changed(context, changed)) : Optional.empty();
        });
    }

    /**
     * Where a recording is stored: organisation, plan, interview and answer in the key, so the pipeline
     * routes it without a lookup.
     */
    public static String recordingKey(Answer answer, String uploadId, String contentType) {
        String extension = RecordingFormats.of(contentType).map(RecordingFormats.Format::extension).orElse("webm");
        return new RecordingKey(answer.organisation(), answer.planId(), answer.interviewId(), answer.answerId(),
                uploadId, extension).key();
    }

    /** Accepts the answer once; the same submission again returns the same result. */
    public Step submit(String token, String answerId, Submission submission) {
        Submission.check(submission);
        String mode = submission.mode();
        String text = submission.text();
        boolean accepted = ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            OpenSession context = open(token);
            requireConsent(context.interview());
            Interview interview = context.interview();
            Answer answer = interviews.answer(interview.organisation(), interview.interviewId(), answerId)
                    .orElseThrow(() -> new DomainException.NotFound("answer"));
            if (answer.submitted()) {
                boolean same = mode.equals(answer.mode()) && (mode.equals(Answer.RECORDING)
                        || (answer.transcript() != null && text.equals(answer.transcript().text())));
                if (!same) {
                    throw new DomainException.Conflict("answerId", "this question was already answered");
                }
                return Optional.of(Boolean.FALSE);
            }
            Instant now = clock.instant();
            boolean late = now.isAfter(answer.servedAt().plusSeconds(interview.answerSeconds(context.plan())).plus(GRACE));
            Answer submitted;
            if (mode.equals(Answer.TYPED)) {
                submitted = answer.change(b -> {
                    b.mode = Answer.TYPED;
                    b.submittedAt = now;
                    b.late = late;
                    b.transcript = dev.prescreen.domain.Transcript.typed(text);
                    b.state = AnswerState.AWAITING_SCORE;
                    return b;
                });
            } else {
                if (answer.recordingKey() == null || recordings.size(answer.recordingKey()).orElse(0) <= 0) {
                    throw new DomainException.Conflict("recording", "upload the recording before submitting it");
                }
                submitted = answer.change(b -> {
                    b.mode = Answer.RECORDING;
                    b.submittedAt = now;
                    b.late = late;
                    // The transcription stage may have finished first; never move an answer backwards.
                    if (b.state == AnswerState.OPEN) {
                        b.state = AnswerState.TRANSCRIBING;
                    }
                    return b;
                });
            }
            return interviews.replaceAnswer(submitted, answer.revision()) ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
        if (accepted && mode.equals(Answer.TYPED)) {
            // A crash before this message leaves the answer awaiting its score: the pipeline reconciler re-sends it.
            OpenSession context = open(token);
            pipeline.answerReadyForScoring(context.interview().organisation(), context.interview().interviewId(),
                    answerId);
        }
        return current(token);
    }

    /** Ends the interview now; questions not reached count as not answered. Repeating it changes nothing. */
    public SessionView finish(String token) {
        boolean submitted = ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            OpenSession context = open(token);
            Interview interview = context.interview();
            requireConsent(interview);
            if (interview.state() == InterviewState.SUBMITTED || interview.state() == InterviewState.COMPLETED) {
                return Optional.of(Boolean.FALSE);
            }
            boolean conflict = !walk.closeUnanswered(interview, context.plan());
            return !conflict && interviews.replace(interview.withState(InterviewState.SUBMITTED, clock.instant()),
                    interview.revision()) ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
        if (submitted) {
            // A crash before this message leaves the interview submitted: the pipeline reconciler finishes it.
            Interview interview = open(token).interview();
            pipeline.interviewSubmitted(interview.organisation(), interview.interviewId());
        }
        return view(token);
    }

    private Answer openAnswer(OpenSession context, String answerId) {
        Interview interview = context.interview();
        Answer answer = interviews.answer(interview.organisation(), interview.interviewId(), answerId)
                .orElseThrow(() -> new DomainException.NotFound("answer"));
        if (answer.submitted()) {
            throw new DomainException.Conflict("answerId", "this question was already answered");
        }
        return answer;
    }

    private static void requireConsent(Interview interview) {
        if (interview.consent() == null) {
            throw new DomainException.Conflict("consent", "read the notice and consent before the interview starts");
        }
    }


}
