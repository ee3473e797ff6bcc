package dev.prescreen.storage;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An interview and its answers share one partition ({@code ORG#org#IV#id}), so one query reads all of
 * it. The interview is also indexed under its plan (gsi1). Token items sit apart, keyed by hash.
 */
public final class DynamoInterviewRepository implements InterviewRepository {

    /** Token items outlive the link a while, so an expired link answers 410 instead of 404. */
    private static final Duration TOKEN_KEPT_AFTER_EXPIRY = Duration.ofDays(30);

    private final DynamoItems items;

    public DynamoInterviewRepository(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    @Override
    public boolean create(Interview interview, TokenRecord token) {
        if (!items.putNew(interviewItem(interview))) {
            return false;
        }
        addToken(token);
        return true;
    }

    @Override
    public void deleteAnswers(String organisation, String interviewId) {
        for (Answer answer : answers(organisation, interviewId)) {
            items.client().deleteItem(r -> r.tableName(items.table()).key(DynamoItems.key(
                    Keys.interview(organisation, interviewId), Keys.ANSWER_PREFIX + answer.answerId())));
        }
    }

    @Override
    public void addToken(TokenRecord token) {
        if (!items.putNew(tokenItem(token))) {
            throw new IllegalStateException("token hash collision");
        }
    }

    @Override
    public boolean keepToken(TokenRecord token) {
        try {
            items.client().putItem(r -> r.tableName(items.table()).item(tokenItem(token))
                    .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK)));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            return false;
        }
    }

    private static Map<String, AttributeValue> tokenItem(TokenRecord token) {
        Map<String, AttributeValue> tokenItem = new HashMap<>(DynamoItems.item(Keys.token(token.tokenHash()), "TOKEN",
                token, 1));
        tokenItem.put(Keys.TTL, AttributeValue.fromN(Long.toString(
                token.expiresAt().plus(TOKEN_KEPT_AFTER_EXPIRY).getEpochSecond())));
        return tokenItem;
    }

    @Override
    public List<Interview> awaitingStart(java.time.Instant expiringBefore, int limit) {
        return sparseBefore(AWAITING_START, expiringBefore, limit, Interview.class);
    }

    @Override
    public List<Interview> overdue(java.time.Instant before, int limit) {
        List<Interview> found = new java.util.ArrayList<>(sparseBefore(AWAITING_START, before, limit, Interview.class));
        found.addAll(sparseBefore(REMINDED, before, limit, Interview.class));
        return found;
    }

    @Override
    public List<Interview> ofPlan(String organisation, String planId) {
        return items.queryAll(QueryRequest.builder().tableName(items.table())
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :iv)")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.planInterviews(organisation, planId)),
                        ":iv", AttributeValue.fromS("IV#")))
                .build()).stream().map(item -> DynamoItems.document(item, Interview.class)).toList();
    }

    /** Sparse index entry while an interview waits for its candidate: reminders and expiry find it there. */
    private static final String AWAITING_START = "AWAITING_START";
    /** Reminded interviews still waiting: kept apart so they never crowd out the ones still to remind. */
    private static final String REMINDED = "AWAITING_START_REMINDED";

    @Override
    public Optional<TokenRecord> findToken(String tokenHash) {
        return items.get(Keys.token(tokenHash), "TOKEN").map(item -> DynamoItems.document(item, TokenRecord.class));
    }

    @Override
    public Optional<Interview> find(String organisation, String interviewId) {
        return items.get(Keys.interview(organisation, interviewId), Keys.INTERVIEW)
                .map(item -> DynamoItems.document(item, Interview.class));
    }

    @Override
    public List<Answer> answers(String organisation, String interviewId) {
        return items.queryAll(QueryRequest.builder().tableName(items.table())
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :answer)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Keys.interview(organisation, interviewId)),
                        ":answer", AttributeValue.fromS(Keys.ANSWER_PREFIX)))
                .build()).stream().map(item -> DynamoItems.document(item, Answer.class)).toList();
    }

    @Override
    public Optional<Answer> answer(String organisation, String interviewId, String answerId) {
        if (!answerId.startsWith(interviewId + "-")) {
            return Optional.empty();
        }
        return items.get(Keys.interview(organisation, interviewId), Keys.ANSWER_PREFIX + answerId)
                .map(item -> DynamoItems.document(item, Answer.class));
    }

    @Override
    public boolean replace(Interview interview, long expectedRevision) {
        return items.putIfRevision(interviewItem(interview), expectedRevision);
    }

    @Override
    public boolean createAnswer(Answer answer) {
        return items.putNew(answerItem(answer));
    }

    @Override
    public boolean replaceAnswer(Answer answer, long expectedRevision) {
        return items.putIfRevision(answerItem(answer), expectedRevision);
    }

    private static Map<String, AttributeValue> interviewItem(Interview interview) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(
                Keys.interview(interview.organisation(), interview.interviewId()), Keys.INTERVIEW, interview,
                interview.revision()));
        item.put(Keys.GSI1_PK, AttributeValue.fromS(Keys.planInterviews(interview.organisation(), interview.planId())));
        item.put(Keys.GSI1_SK, AttributeValue.fromS("IV#" + interview.interviewId()));
        // an interview waiting on an open alternative-process request neither expires nor is reminded until resolved
        if (interview.state() == dev.prescreen.domain.interview.InterviewState.INVITED
                && !interview.accommodation().requestOpen()) {
            item.put(Keys.GSI2_PK, AttributeValue.fromS(interview.remindedAt() == null ? AWAITING_START : REMINDED));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(interview.expiresAt() + "#" + interview.interviewId()));
        } else if (interview.awaitingDelivery() && interview.submittedAt() != null) {
            item.put(Keys.GSI2_PK, AttributeValue.fromS(UNDELIVERED));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(interview.submittedAt() + "#" + interview.interviewId()));
        }
        return item;
    }

    @Override
    public List<Answer> transcribingSince(java.time.Instant before, int limit) {
        return sparseBefore(TRANSCRIBING, before, limit, Answer.class);
    }

    /** Items of a sparse gsi2 partition whose sort key (an instant, then an id) is before the instant. */
    private <T> List<T> sparseBefore(String partition, java.time.Instant before, int limit, Class<T> type) {
        QueryResponse response = items.client().query(r -> r.tableName(items.table()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk and #sk < :before")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK, "#sk", Keys.GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":before", AttributeValue.fromS(before.toString())))
                .limit(limit));
        return response.items().stream().map(item -> DynamoItems.document(item, type)).toList();
    }

    @Override
    public List<Answer> awaitingScoreSince(java.time.Instant before, int limit) {
        return sparseBefore(AWAITING_SCORE, before, limit, Answer.class);
    }

    @Override
    public List<Interview> undeliveredSince(java.time.Instant before, int limit) {
        return sparseBefore(UNDELIVERED, before, limit, Interview.class);
    }

    /** Sparse index entry while a transcription job runs, so the reconciler finds stuck jobs without a scan. */
    private static final String TRANSCRIBING = "TRANSCRIBING";
    /** Sparse index entry while an answer waits for its score, so a lost hand-off to scoring is found. */
    private static final String AWAITING_SCORE = "AWAITING_SCORE";
    /** Sparse index entry from submission until the report is delivered, so an unfinished interview is found. */
    private static final String UNDELIVERED = "UNDELIVERED";

    private static Map<String, AttributeValue> answerItem(Answer answer) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(
                Keys.interview(answer.organisation(), answer.interviewId()), Keys.ANSWER_PREFIX + answer.answerId(),
                answer, answer.revision()));
        if (answer.transcription() != null && answer.transcript() == null && !answer.state().terminal()) {
            item.put(Keys.GSI2_PK, AttributeValue.fromS(TRANSCRIBING));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(answer.transcription().startedAt() + "#" + answer.answerId()));
        } else if (answer.state() == dev.prescreen.domain.interview.AnswerState.AWAITING_SCORE) {
            java.time.Instant since = answer.submittedAt() != null ? answer.submittedAt() : answer.servedAt();
            item.put(Keys.GSI2_PK, AttributeValue.fromS(AWAITING_SCORE));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(since + "#" + answer.answerId()));
        }
        return item;
    }

}
