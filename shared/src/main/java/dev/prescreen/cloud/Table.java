package dev.prescreen.cloud;

import java.util.List;

/**
 * A DynamoDB table as the code uses it: keys (all strings), global secondary indexes and the TTL
 * attribute. The local cloud creates it and the CDK stack defines it from this one description.
 */
public enum Table {
    /** Every organisation-scoped item: plans, batches, candidates, interviews, answers, reports, usage. */
    MAIN("main", "pk", "sk", "expiresAt", List.of(
            new Index("gsi1", "gsi1pk", "gsi1sk"),
            new Index("gsi2", "gsi2pk", "gsi2sk"))),
    /**
     * Candidates' voluntary self-identification, apart from everything else so that access to it is granted apart:
     * the session may write it, erasure may delete from it, and only the impact-ratio aggregate may read it.
     */
    SELF_IDENTIFICATION("self-identification", "pk", "sk", "expiresAt", List.of());

    private final String logicalName;
    private final String partitionKey;
    private final String sortKey;
    private final String ttlAttribute;
    private final List<Index> indexes;

    Table(String logicalName, String partitionKey, String sortKey, String ttlAttribute, List<Index> indexes) {
        this.logicalName = logicalName;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.ttlAttribute = ttlAttribute;
        this.indexes = indexes;
    }

    public String logicalName() {
        return logicalName;
    }

    public String partitionKey() {
        return partitionKey;
    }

    public String sortKey() {
        return sortKey;
    }

    public String ttlAttribute() {
        return ttlAttribute;
    }

    public List<Index> indexes() {
        return indexes;
    }

    /** A global secondary index projecting all attributes. */
    public record Index(String name, String partitionKey, String sortKey) {
    }
}
