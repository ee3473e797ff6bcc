package dev.prescreen.domain.compliance;

import java.util.Optional;

/** The sex categories of voluntary self-identification (NYC Local Law 144's bias audit), and declining to say. */
public enum Sex implements SelfIdentifiedCategory {
    MALE("Male"),
    FEMALE("Female"),
    /** Declined to say: counted as unknown, never as a category of its own. */
    DECLINE("Declined");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** How an audit table names the category, in English as the law's categories are. */
    @Override
    public String label() {
        return label;
    }

    public static Optional<Sex> fromWire(String value) {
        return SelfIdentifiedCategory.fromWire(Sex.class, value);
    }
}
