package dev.prescreen.domain.compliance;

import java.util.Optional;

/**
 * The race/ethnicity categories of voluntary self-identification: the EEO-1 categories NYC Local Law 144's bias
 * audit uses, and declining to say.
 */
public enum RaceEthnicity implements SelfIdentifiedCategory {
    HISPANIC_OR_LATINO("Hispanic or Latino"),
    WHITE("White"),
    BLACK_OR_AFRICAN_AMERICAN("Black or African American"),
    NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER("Native Hawaiian or Pacific Islander"),
    ASIAN("Asian"),
    AMERICAN_INDIAN_OR_ALASKA_NATIVE("American Indian or Alaska Native"),
    TWO_OR_MORE_RACES("Two or more races"),
    /** Declined to say: counted as unknown, never as a category of its own. */
    DECLINE("Declined");

    private final String label;

    RaceEthnicity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<RaceEthnicity> fromWire(String value) {
        return SelfIdentifiedCategory.fromWire(RaceEthnicity.class, value);
    }
}
