package dev.prescreen.testing;

import dev.prescreen.domain.EmailAddress;
import dev.prescreen.domain.candidate.Batch;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The candidate repository's contract in memory, for unit tests of the domain's logic. */
public final class InMemoryCandidateRepository implements CandidateRepository {

    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final Map<String, Candidate> candidates = new ConcurrentHashMap<>();
    private final Map<String, String> register = new ConcurrentHashMap<>();
    private final Map<String, String[]> messages = new ConcurrentHashMap<>();
    private final LostWrites lost = new LostWrites();

    /** The next {@code count} conditional replacements (batch or candidate) lose, as to a concurrent writer. */
    public void loseNextWrites(int count) {
        lost.loseNext(count);
    }

    @Override
    public void createBatch(Batch batch) {
        batches.put(batch.organisation() + "/" + batch.batchId(), batch);
    }

    @Override
    public Optional<Batch> findBatch(String organisation, String planId, String batchId) {
        return Optional.ofNullable(batches.get(organisation + "/" + batchId)).filter(b -> b.planId().equals(planId));
    }

    @Override
    public synchronized boolean replaceBatch(Batch batch, long expectedRevision) {
        Batch current = batches.get(batch.organisation() + "/" + batch.batchId());
        if (current == null || current.revision() != expectedRevision || lost.loses()) {
            return false;
        }
        batches.put(batch.organisation() + "/" + batch.batchId(), batch);
        return true;
    }

    @Override
    public Set<String> invitedEmails(String organisation, String planId) {
        Set<String> emails = new HashSet<>();
        register.keySet().stream().filter(k -> k.startsWith(organisation + "/" + planId + "/"))
                .forEach(k -> emails.add(k.substring(k.lastIndexOf('/') + 1)));
        return emails;
    }

    @Override
    public void createCandidates(Collection<Candidate> created) {
        for (Candidate candidate : created) {
            candidates.put(candidate.organisation() + "/" + candidate.candidateId(), candidate);
            register.put(candidate.organisation() + "/" + candidate.planId() + "/"
                    + EmailAddress.normalise(candidate.email()), candidate.candidateId());
        }
    }

    @Override
    public Optional<Candidate> find(String organisation, String candidateId) {
        return Optional.ofNullable(candidates.get(organisation + "/" + candidateId));
    }

    @Override
    public List<Candidate> inBatch(String organisation, String batchId) {
        return candidates.values().stream()
                .filter(c -> c.organisation().equals(organisation) && c.batchId().equals(batchId)).toList();
    }

    @Override
    public synchronized boolean replace(Candidate candidate, long expectedRevision) {
        String key = candidate.organisation() + "/" + candidate.candidateId();
        Candidate current = candidates.get(key);
        if (current == null || current.revision() != expectedRevision || lost.loses()) {
            return false;
        }
        candidates.put(key, candidate);
        return true;
    }

    @Override
    public void releaseEmails(String organisation, String planId, Collection<String> normalisedEmails) {
        normalisedEmails.forEach(email -> register.remove(organisation + "/" + planId + "/" + email));
    }

    @Override
    public void rememberMessage(String messageId, String organisation, String candidateId) {
        messages.put(messageId, new String[] {organisation, candidateId});
    }

    @Override
    public Optional<String[]> messageRecipient(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }
}
