package dev.prescreen.domain.interview;

import dev.prescreen.scoring.QuestionType;
import dev.prescreen.domain.Transcript;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.followup.FollowUpProbe;
import java.time.Instant;
import java.util.List;

/**
 * One answer: to a planned question, or to the follow-up asked after it. The question is copied in, so
 * the stages after the session need no other lookup. Holds no candidate identity.
 *
 * @param servedAt        when the question was first shown; the answer time runs from here
 * @param late            submitted after the answer time and its grace period (accepted, but marked)
 * @param recordingKey    the S3 key of the uploaded recording (spoken answers)
 * @param audioSeconds    the recording's duration, for metering
 * @param followUp        for a main answer: the follow-up the scorer proposed, if any
 * @param followUpClosed  for a main answer: the session moved on, so no follow-up will be asked any more
 * @param scoreCard       the score; for a main answer with a follow-up, scored together with it
 * @param failureReason   why transcription failed or the transcript was judged unreliable
 * @param transcription   the speech-to-text job for a recording, while and after it runs
 * @param takes           recordings the candidate made of this answer before sending one (1 + retakes used)
 * @param videoFallback   for a plan that records video, why this answer was recorded as sound only (the camera was
 *                        denied, missing, or declined), else null
 * @param integrity       what the page noticed while the answer was given, for a person to weigh (null: nothing
 *                        reported, or the plan does not collect it)
 */
public record Answer(
        String answerId,
        String interviewId,
        String organisation,
        String planId,
        int position,
        AnswerKind kind,
        String questionText,
        QuestionType questionType,
        List<String> concepts,
        String language,
        AnswerState state,
        Instant servedAt,
        Instant submittedAt,
        boolean late,
        String mode,
        String recordingKey,
        String recordingContentType,
        Double audioSeconds,
        Transcript transcript,
        FollowUpProbe followUp,
        boolean followUpClosed,
        ScoreCard scoreCard,
        String failureReason,
        TranscriptionJob transcription,
        int takes,
        String videoFallback,
        IntegritySignals integrity,
        long revision) {

    public static final String TYPED = "typed";
    public static final String RECORDING = "recording";

    public Answer {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        // answers stored before retakes existed had one take
        takes = Math.max(1, takes);
    }

    /** A transcription job: its name, when the current attempt started, and how many attempts were made. */
    public record TranscriptionJob(String jobName, java.time.Instant startedAt, int attempts) {
    }

    /** A new answer to a question just served: open, nothing recorded yet (revision 1). */
    public static Answer served(String answerId, String interviewId, String organisation, String planId, int position,
            AnswerKind kind, String questionText, QuestionType questionType, List<String> concepts, String language,
            Instant servedAt) {
        return new Answer(answerId, interviewId, organisation, planId, position, kind, questionText, questionType,
                concepts, language, AnswerState.OPEN, servedAt, null, false, null, null, null, null, null, null, false,
                null, null, null, 1, null, null, 1);
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** A copy with the changes applied by the builder, one revision later. */
    public Answer change(java.util.function.UnaryOperator<Builder> changes) {
        return changes.apply(new Builder(this)).build(revision + 1);
    }

    /** Mutable copy used by {@link #change}. */
    public static final class Builder {
        public AnswerState state;
        public Instant servedAt;
        public Instant submittedAt;
        public boolean late;
        public String mode;
        public String recordingKey;
        public String recordingContentType;
        public Double audioSeconds;
        public Transcript transcript;
        public FollowUpProbe followUp;
        public boolean followUpClosed;
        public ScoreCard scoreCard;
        public String failureReason;
        public TranscriptionJob transcription;
        public int takes;
        public String videoFallback;
        public IntegritySignals integrity;
        private final Answer base;

        Builder(Answer base) {
            this.base = base;
            state = base.state;
            servedAt = base.servedAt;
            submittedAt = base.submittedAt;
            late = base.late;
            mode = base.mode;
            recordingKey = base.recordingKey;
            recordingContentType = base.recordingContentType;
            audioSeconds = base.audioSeconds;
            transcript = base.transcript;
            followUp = base.followUp;
            followUpClosed = base.followUpClosed;
            scoreCard = base.scoreCard;
            failureReason = base.failureReason;
            transcription = base.transcription;
            takes = base.takes;
            videoFallback = base.videoFallback;
            integrity = base.integrity;
        }

        public Builder state(AnswerState value) {
            state = value;
            return this;
        }

        Answer build(long revision) {
            return new Answer(base.answerId, base.interviewId, base.organisation, base.planId, base.position, base.kind,
                    base.questionText, base.questionType, base.concepts, base.language, state, servedAt, submittedAt,
                    late, mode, recordingKey, recordingContentType, audioSeconds, transcript, followUp, followUpClosed,
                    scoreCard, failureReason, transcription, takes, videoFallback, integrity, revision);
        }
    }
}
