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
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.transcription.RecordingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate's side of an interview: the invitation token is the only credential. Every write is
 * conditional on what was read, so a double click, a retry or a second tab has one effect, and a
 * candidate who reconnects continues at the first unanswered question.
 */
public final class SessionService {

    public static final Set<String> RECORDING_TYPES = Set.of("audio/webm", "audio/ogg", "audio/wav", "audio/mp4",
            "video/webm");
    public static final long MAX_RECORDING_BYTES = 25L * 1024 * 1024;
    public static final int MAX_TYPED_CHARACTERS = 5000;
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
    private final Clock clock;

    /**
     * @param followUpWait how long the page waits for the scorer to propose a follow-up before moving on
     */
    public SessionService(InterviewRepository interviews, PlanRepository plans, RecordingStore recordings,
            PipelineEvents pipeline, Clock clock, Duration followUpWait) {
        this.interviews = interviews;
        this.plans = plans;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.clock = clock;
        this.walk = new InterviewWalk(interviews, pipeline, clock, followUpWait);
    }

    private record Context(Interview interview, Plan plan) {
    }

    private final InterviewWalk walk;

    private Context open(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            throw new DomainException.NotFound("session");
        }
        InterviewRepository.TokenRecord record = interviews.findToken(InvitationTokens.hash(token))
                .orElseThrow(() -> new DomainException.NotFound("session"));
        Interview interview = interviews.find(record.organisation(), record.interviewId())
                .filter(i -> i.state() != InterviewState.ERASED)
                .orElseThrow(() -> new DomainException.NotFound("session"));
        boolean finished = interview.state() == InterviewState.SUBMITTED || interview.state() == InterviewState.COMPLETED;
        if (!finished && (interview.state() == InterviewState.EXPIRED || interview.expiredAt(clock.instant()))) {
            throw new DomainException.Gone("this interview link has expired");
        }
        Plan plan = plans.find(interview.organisation(), interview.planId())
                .orElseThrow(() -> new DomainException.NotFound("session"));
        return new Context(interview, plan);
    }

    public SessionView view(String token) {
        Context context = open(token);
        return view(context, interviews.answers(context.interview().organisation(), context.interview().interviewId()));
    }

    private static SessionView view(Context context, List<Answer> answers) {
        Interview interview = context.interview();
        Plan plan = context.plan();
        return new SessionView(plan.roleTitle(), plan.language(), plan.questions().size(), plan.answerSeconds(),
                plan.slotMinutes(), ConsentNotice.forPlan(plan), interview.consent() != null,
                interview.state().name().toLowerCase(Locale.ROOT), InterviewWalk.answeredMain(answers), interview.expiresAt());
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
        return view(token);
    }

    /** The step the candidate is at; serving a question starts its answer time. */
    public Step current(String token) {
        return ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            Context context = open(token);
            requireConsent(context.interview());
            return walk.next(context.interview(), context.plan());
        });
    }


    /** A signed URL for the current answer's recording. */
    public UploadTicket uploadUrl(String token, String answerId, String contentType, Long contentLength) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!RECORDING_TYPES.contains(type)) {
            throw new DomainException.InvalidInput("contentType", "must be one of " + RECORDING_TYPES.stream().sorted().toList());
        }
        if (contentLength == null || contentLength < 1 || contentLength > MAX_RECORDING_BYTES) {
            throw new DomainException.InvalidInput("contentLength", "must be from 1 to " + MAX_RECORDING_BYTES + " bytes");
        }
        // A key of its own for every upload URL, recorded on the answer: only that object is transcribed and kept.
        String uploadId = InvitationTokens.newToken().substring(0, UPLOAD_ID_LENGTH);
        String key = ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            Context context = open(token);
            requireConsent(context.interview());
            Answer answer = openAnswer(context, answerId);
            String k = recordingKey(answer, uploadId, type);
            Answer withKey = answer.change(b -> {
                b.recordingKey = k;
                b.recordingContentType = type;
                return b;
            });
            return interviews.replaceAnswer(withKey, answer.revision()) ? Optional.of(k) : Optional.empty();
        });
        Instant expires = clock.instant().plus(UPLOAD_URL_VALIDITY);
        // The URL creates its object once (If-None-Match: *): a second PUT is refused, nothing is overwritten.
        return new UploadTicket(recordings.presignUpload(key, type, contentLength, UPLOAD_URL_VALIDITY), "PUT",
                Map.of("Content-Type", type, "If-None-Match", "*"), expires);
    }

    /**
     * Where a recording is stored: organisation, plan, interview and answer in the key, so the pipeline
     * routes it without a lookup.
     */
    public static String recordingKey(Answer answer, String uploadId, String contentType) {
        String extension = switch (contentType) {
            case "audio/ogg" -> "ogg";
            case "audio/wav" -> "wav";
            case "audio/mp4" -> "m4a";
            default -> "webm";
        };
        return new RecordingKey(answer.organisation(), answer.planId(), answer.interviewId(), answer.answerId(),
                uploadId, extension).key();
    }

    /** Accepts the answer once; the same submission again returns the same result. */
    public Step submit(String token, String answerId, Submission submission) {
        String mode = submission == null || submission.mode() == null ? "" : submission.mode();
        if (!mode.equals(Answer.TYPED) && !mode.equals(Answer.RECORDING)) {
            throw new DomainException.InvalidInput("mode", "must be \"recording\" or \"typed\"");
        }
        String text = submission.text();
        if (mode.equals(Answer.TYPED)) {
            if (text == null) {
                throw new DomainException.InvalidInput("text", "is required for a typed answer");
            }
            if (text.length() > MAX_TYPED_CHARACTERS) {
                throw new DomainException.InvalidInput("text", "is longer than " + MAX_TYPED_CHARACTERS + " characters");
            }
        } else if (text != null) {
            throw new DomainException.InvalidInput("text", "goes only with a typed answer");
        }
        boolean accepted = ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            Context context = open(token);
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
            boolean late = now.isAfter(answer.servedAt().plusSeconds(context.plan().answerSeconds()).plus(GRACE));
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
            Context context = open(token);
            pipeline.answerReadyForScoring(context.interview().organisation(), context.interview().interviewId(),
                    answerId);
        }
        return current(token);
    }

    /** Ends the interview now; questions not reached count as not answered. Repeating it changes nothing. */
    public SessionView finish(String token) {
        boolean submitted = ConcurrentWrites.retry(SESSION, THE_INTERVIEW, () -> {
            Context context = open(token);
            Interview interview = context.interview();
            requireConsent(interview);
            if (interview.state() == InterviewState.SUBMITTED || interview.state() == InterviewState.COMPLETED) {
                return Optional.of(Boolean.FALSE);
            }
            Map<String, Answer> answers = InterviewWalk.byId(interviews.answers(interview.organisation(), interview.interviewId()));
            boolean conflict = false;
            for (PlanQuestion question : context.plan().questions()) {
                String id = AnswerKind.MAIN.answerId(interview.interviewId(), question.position());
                Answer main = answers.get(id);
                if (main == null) {
                    Instant now = clock.instant();
                    Answer skipped = Answer.served(id, interview.interviewId(), interview.organisation(),
                            context.plan().planId(), question.position(), AnswerKind.MAIN, question.text(),
                            question.type(), question.concepts(), context.plan().language(), null).change(b -> {
                                b.state = AnswerState.NO_ANSWER;
                                b.submittedAt = now;
                                b.mode = "skipped";
                                b.followUpClosed = true;
                                return b;
                            });
                    conflict |= !interviews.createAnswer(skipped);
                } else if (!main.submitted()) {
                    conflict |= !skip(main);
                }
                Answer followUp = answers.get(AnswerKind.FOLLOW_UP.answerId(interview.interviewId(), question.position()));
                if (followUp != null && !followUp.submitted()) {
                    conflict |= !skip(followUp);
                }
                if (main != null && main.submitted() && followUp == null && !main.followUpClosed()) {
                    conflict |= !walk.close(main);
                }
            }
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

    private boolean skip(Answer answer) {
        Instant now = clock.instant();
        return interviews.replaceAnswer(answer.change(b -> {
            b.mode = "skipped";
            b.submittedAt = now;
            b.state = AnswerState.NO_ANSWER;
            b.followUpClosed = true;
            return b;
        }), answer.revision());
    }

    private Answer openAnswer(Context context, String answerId) {
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
