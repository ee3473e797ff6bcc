package dev.prescreen.domain.candidate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Candidates, batches and the per-plan register of invited addresses. */
public interface CandidateRepository {

    void createBatch(Batch batch);

    Optional<Batch> findBatch(String organisation, String planId, String batchId);

    boolean replaceBatch(Batch batch, long expectedRevision);

    /** The normalised addresses already invited to the plan. */
    Set<String> invitedEmails(String organisation, String planId);

    /** Stores new candidates and registers their addresses with the plan, in bulk. */
    void createCandidates(Collection<Candidate> candidates);

    Optional<Candidate> find(String organisation, String candidateId);

    List<Candidate> inBatch(String organisation, String batchId);

    boolean replace(Candidate candidate, long expectedRevision);

    /** Frees the plan's register entries of these addresses (cancelled or erased candidates). */
    void releaseEmails(String organisation, String planId, Collection<String> normalisedEmails);

    /** Remembers which candidate a sent message went to, for bounces and complaints. */
    void rememberMessage(String messageId, String organisation, String candidateId);

    /** The organisation and candidate a sent message went to. */
    Optional<String[]> messageRecipient(String messageId);
}
