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

    public static String plan(String planId) {
        return "PLAN#" + planId;
    }
}
