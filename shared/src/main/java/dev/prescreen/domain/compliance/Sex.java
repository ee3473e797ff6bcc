package dev.prescreen.domain.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sex categories of voluntary self-identification (NYC Local Law 144's bias audit), and declining to say. */
public enum Sex {
    MALE("Male"),
    FEMALE("Female"),
    /** Declined to say: counted as unknown, never as a category of its own. */
    DECLINE("Declined");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How an audit table names the category, in English as the law's categories are. */
    public String label() {
        return label;
    }

    public boolean known() {
        return this != DECLINE;
    }

    public static Optional<Sex> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }
}
