package dev.prescreen.testing;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The interview repository's contract in memory, for unit tests of the domain's logic. */
public final class InMemoryInterviewRepository implements InterviewRepository {

    private final Map<String, Interview> interviews = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> tokens = new ConcurrentHashMap<>();
    private final LostWrites lost = new LostWrites();

    /** The next {@code count} conditional replacements (interview or answer) lose, as to a concurrent writer. */
    public void loseNextWrites(int count) {
        lost.loseNext(count);
    }

    @Override
    public synchronized boolean create(Interview interview, TokenRecord token) {
        if (interviews.putIfAbsent(interview.organisation() + "/" + interview.interviewId(), interview) != null) {
            return false;
        }
        tokens.put(token.tokenHash(), token);
        return true;
    }

    @Override
    public Optional<TokenRecord> findToken(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public Optional<Interview> find(String organisation, String interviewId) {
        return Optional.ofNullable(interviews.get(organisation + "/" + interviewId));
    }

    @Override
    public List<Answer> answers(String organisation, String interviewId) {
        return answers.values().stream()
                .filter(a -> a.organisation().equals(organisation) && a.interviewId().equals(interviewId))
                .sorted(Comparator.comparing(Answer::answerId)).toList();
    }

    @Override
    public Optional<Answer> answer(String organisation, String interviewId, String answerId) {
        return Optional.ofNullable(answers.get(organisation + "/" + answerId))
                .filter(a -> a.interviewId().equals(interviewId));
    }

    @Override
    public synchronized boolean replace(Interview interview, long expectedRevision) {
        String key = interview.organisation() + "/" + interview.interviewId();
        Interview current = interviews.get(key);
        if (current == null || current.revision() != expectedRevision || lost.loses()) {
            return false;
        }
        interviews.put(key, interview);
        return true;
    }

    @Override
    public synchronized boolean createAnswer(Answer answer) {
        return answers.putIfAbsent(answer.organisation() + "/" + answer.answerId(), answer) == null;
    }

    @Override
    public synchronized boolean replaceAnswer(Answer answer, long expectedRevision) {
        String key = answer.organisation() + "/" + answer.answerId();
        Answer current = answers.get(key);
        if (current == null || current.revision() != expectedRevision || lost.loses()) {
            return false;
        }
        answers.put(key, answer);
        return true;
    }

    @Override
    public void deleteAnswers(String organisation, String interviewId) {
        answers.values().removeIf(a -> a.organisation().equals(organisation) && a.interviewId().equals(interviewId));
    }

    @Override
    public void addToken(TokenRecord token) {
        tokens.put(token.tokenHash(), token);
    }

    @Override
    public boolean keepToken(TokenRecord token) {
        return tokens.replace(token.tokenHash(), token) != null;
    }

    @Override
    public List<Interview> awaitingStart(Instant expiringBefore, int limit) {
        return interviews.values().stream()
                .filter(i -> i.state() == dev.prescreen.domain.interview.InterviewState.INVITED && !i.accommodation().requestOpen()
                        && i.remindedAt() == null && i.expiresAt().isBefore(expiringBefore))
                .sorted(Comparator.comparing(Interview::expiresAt)).limit(limit).toList();
    }

    @Override
    public List<Interview> overdue(Instant before, int limit) {
        return interviews.values().stream()
                .filter(i -> i.state() == dev.prescreen.domain.interview.InterviewState.INVITED && !i.accommodation().requestOpen()
                        && i.expiresAt().isBefore(before))
                .sorted(Comparator.comparing(Interview::expiresAt)).limit(limit).toList();
    }

    @Override
    public List<Interview> ofPlan(String organisation, String planId) {
        return interviews.values().stream()
                .filter(i -> i.organisation().equals(organisation) && i.planId().equals(planId)).toList();
    }

    @Override
    public List<Answer> transcribingSince(Instant before, int limit) {
        List<Answer> found = new ArrayList<>(answers.values().stream()
                .filter(a -> a.transcription() != null && a.transcript() == null && !a.state().terminal()
                        && a.transcription().startedAt().isBefore(before))
                .toList());
        found.sort(Comparator.comparing(a -> a.transcription().startedAt()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    @Override
    public List<Answer> awaitingScoreSince(Instant before, int limit) {
        return answers.values().stream()
                .filter(a -> a.state() == dev.prescreen.domain.interview.AnswerState.AWAITING_SCORE)
                .filter(a -> (a.submittedAt() != null ? a.submittedAt() : a.servedAt()).isBefore(before))
                .sorted(Comparator.comparing(a -> a.submittedAt() != null ? a.submittedAt() : a.servedAt()))
                .limit(limit).toList();
    }

    @Override
    public List<Interview> undeliveredSince(Instant before, int limit) {
        return interviews.values().stream()
                .filter(i -> i.awaitingDelivery() && i.submittedAt() != null && i.submittedAt().isBefore(before))
                .sorted(Comparator.comparing(Interview::submittedAt)).limit(limit).toList();
    }
}
