package dev.prescreen.domain.interview;

import java.util.List;
import java.util.Optional;

/**
 * Interviews and their answers, kept together per interview. Writes are conditional on the revision
 * read, so concurrent or redelivered work has one effect.
 */
public interface InterviewRepository {

    /** Stores a new interview and the token that opens it; false if it exists already. */
    boolean create(Interview interview, TokenRecord token);

    Optional<TokenRecord> findToken(String tokenHash);

    Optional<Interview> find(String organisation, String interviewId);

    List<Answer> answers(String organisation, String interviewId);

    Optional<Answer> answer(String organisation, String interviewId, String answerId);

    /** Replaces the interview if its revision is still {@code expectedRevision}. */
    boolean replace(Interview interview, long expectedRevision);

    /** Stores a new answer; false if one with that id exists. */
    boolean createAnswer(Answer answer);

    /** Replaces the answer if its revision is still {@code expectedRevision}. */
    boolean replaceAnswer(Answer answer, long expectedRevision);

    /** Answers whose transcription job started before the instant and has not finished, oldest first. */
    List<Answer> transcribingSince(java.time.Instant before, int limit);

    /** Answers awaiting their score since before the instant (submitted then), oldest first: lost hand-offs. */
    List<Answer> awaitingScoreSince(java.time.Instant before, int limit);

    /**
     * Interviews submitted before the instant whose report has not been delivered (still submitted, or completed and
     * not yet reported or emailed), oldest first.
     */
    List<Interview> undeliveredSince(java.time.Instant before, int limit);

    /** Deletes the interview's answers (erasure). */
    void deleteAnswers(String organisation, String interviewId);

    /** Registers a further token for an existing interview. */
    void addToken(TokenRecord token);

    /**
     * Keeps an existing token until the record's expiry (and the usual margin after it), replacing its record; a
     * token that no longer exists stays gone. False when there was none.
     */
    boolean keepToken(TokenRecord token);

    /** Interviews not yet started and not yet reminded whose link expires before the instant, soonest first. */
    List<Interview> awaitingStart(java.time.Instant expiringBefore, int limit);

    /** Interviews not yet started, reminded or not, whose link expired before the instant. */
    List<Interview> overdue(java.time.Instant before, int limit);

    /** The interviews of a plan. */
    List<Interview> ofPlan(String organisation, String planId);

    /** What a token hash points at: no personal data, only ids and the expiry. */
    record TokenRecord(String tokenHash, String organisation, String interviewId, java.time.Instant expiresAt) {
    }
}
