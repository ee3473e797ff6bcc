package dev.prescreen.storage;

/** Key layout of the main table: every organisation's items live under its own partition prefix. */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String DOC = "doc";
    public static final String REVISION = "revision";

    private Keys() {
    }

    public static String organisation(String organisation) {
        return "ORG#" + organisation;
    }

    public static String webhook(String endpointId) {
        return "WEBHOOK#" + endpointId;
    }

    public static String plan(String planId) {
        return "PLAN#" + planId;
    }

    /** The partition holding an interview, its answers and its report. */
    public static String interview(String organisation, String interviewId) {
        return organisation(organisation) + "#IV#" + interviewId;
    }

    /** Index partition listing a plan's interviews. */
    public static String planInterviews(String organisation, String planId) {
        return organisation(organisation) + "#PLAN#" + planId;
    }

    /** Token items are found by the hash alone: they hold ids and an expiry, no personal data. */
    public static String token(String tokenHash) {
        return "TOKEN#" + tokenHash;
    }

    public static final String INTERVIEW = "INTERVIEW";
    public static final String ANSWER_PREFIX = "ANSWER#";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** The table's TTL attribute: epoch seconds after which DynamoDB may delete the item. */
    public static final String TTL = "expiresAt";
}
