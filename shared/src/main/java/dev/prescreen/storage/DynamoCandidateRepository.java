package dev.prescreen.storage;

import dev.prescreen.domain.EmailAddress;
import dev.prescreen.domain.candidate.Batch;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Candidates ({@code ORG#org#CAND#id}, indexed by batch in gsi1), batches (under the organisation), the
 * plan's register of invited addresses (one partition per plan) and sent-message recipients.
 */
public final class DynamoCandidateRepository implements CandidateRepository {

    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int MAX_WRITE_ROUNDS = 10;
    private static final Duration MESSAGE_KEPT = Duration.ofDays(30);

    private final DynamoItems items;

    public DynamoCandidateRepository(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String candidatePk(String organisation, String candidateId) {
        return Keys.organisation(organisation) + "#CAND#" + candidateId;
    }

    private static String batchSk(String planId, String batchId) {
        return "BATCH#" + planId + "#" + batchId;
    }

    private static String emailsPk(String organisation, String planId) {
        return Keys.organisation(organisation) + "#PLAN#" + planId + "#EMAILS";
    }

    private static String batchCandidates(String organisation, String batchId) {
        return Keys.organisation(organisation) + "#BATCH#" + batchId;
    }

    @Override
    public void createBatch(Batch batch) {
        if (!items.putNew(DynamoItems.item(Keys.organisation(batch.organisation()),
                batchSk(batch.planId(), batch.batchId()), batch, batch.revision()))) {
            throw new IllegalStateException("batch " + batch.batchId() + " exists already");
        }
    }

    @Override
    public Optional<Batch> findBatch(String organisation, String planId, String batchId) {
        return items.get(Keys.organisation(organisation), batchSk(planId, batchId))
                .map(item -> DynamoItems.document(item, Batch.class));
    }

    @Override
    public boolean replaceBatch(Batch batch, long expectedRevision) {
        return items.putIfRevision(DynamoItems.item(Keys.organisation(batch.organisation()),
                batchSk(batch.planId(), batch.batchId()), batch, batch.revision()), expectedRevision);
    }

    @Override
    public Set<String> invitedEmails(String organisation, String planId) {
        Set<String> emails = new HashSet<>();
        items.queryAll(QueryRequest.builder().tableName(items.table())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(emailsPk(organisation, planId))))
                .projectionExpression(Keys.SK)
                .build()).forEach(item -> emails.add(item.get(Keys.SK).s()));
        return emails;
    }

    @Override
    public void createCandidates(Collection<Candidate> candidates) {
        List<WriteRequest> writes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            writes.add(put(candidateItem(candidate)));
            Map<String, AttributeValue> register = new HashMap<>(DynamoItems.key(
                    emailsPk(candidate.organisation(), candidate.planId()), EmailAddress.normalise(candidate.email())));
            register.put("candidateId", AttributeValue.fromS(candidate.candidateId()));
            writes.add(put(register));
        }
        write(writes);
    }

    @Override
    public Optional<Candidate> find(String organisation, String candidateId) {
        return items.get(candidatePk(organisation, candidateId), "CANDIDATE")
                .map(item -> DynamoItems.document(item, Candidate.class));
    }

    @Override
    public List<Candidate> inBatch(String organisation, String batchId) {
        return items.queryAll(QueryRequest.builder().tableName(items.table()).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(batchCandidates(organisation, batchId))))
                .build()).stream().map(item -> DynamoItems.document(item, Candidate.class)).toList();
    }

    @Override
    public boolean replace(Candidate candidate, long expectedRevision) {
        return items.putIfRevision(candidateItem(candidate), expectedRevision);
    }

    @Override
    public void releaseEmails(String organisation, String planId, Collection<String> normalisedEmails) {
        write(normalisedEmails.stream().map(email -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                .key(DynamoItems.key(emailsPk(organisation, planId), email)).build()).build()).toList());
    }

    @Override
    public void rememberMessage(String messageId, String organisation, String candidateId) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item("SESMSG#" + messageId, "MESSAGE",
                new String[] {organisation, candidateId}, 1));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(Instant.now().plus(MESSAGE_KEPT).getEpochSecond())));
        items.client().putItem(r -> r.tableName(items.table()).item(item));
    }

    @Override
    public Optional<String[]> messageRecipient(String messageId) {
        return items.get("SESMSG#" + messageId, "MESSAGE").map(item -> DynamoItems.document(item, String[].class));
    }

    private static Map<String, AttributeValue> candidateItem(Candidate candidate) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(
                candidatePk(candidate.organisation(), candidate.candidateId()), "CANDIDATE", candidate,
                candidate.revision()));
        item.put(Keys.GSI1_PK, AttributeValue.fromS(batchCandidates(candidate.organisation(), candidate.batchId())));
        item.put(Keys.GSI1_SK, AttributeValue.fromS("CAND#" + candidate.candidateId()));
        return item;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    /** BatchWriteItem in chunks of 25, writing again what DynamoDB left unprocessed. */
    private void write(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT));
            Map<String, List<WriteRequest>> pending = Map.of(items.table(), chunk);
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_WRITE_ROUNDS) {
                    throw new IllegalStateException("DynamoDB kept items unprocessed after " + round + " rounds");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = items.client().batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    backOff(round);
                }
            }
        }
    }

    private static void backOff(int round) {
        try {
            Thread.sleep(Math.min(1000, 20L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
