package dev.prescreen.scoring;

/** The four question types of the screening method; each has its own rubric. */
public enum QuestionType {
    GENERAL("General"),
    BEHAVIORAL("Behavioral"),
    EXPERIENCE("Experience"),
    SITUATIONAL("Situational");

    private final String label;

    QuestionType(String label) {
        this.label = label;
    }

    /** The type's name as the seed and the rubric write it. */
    public String label() {
        return label;
    }

    public static QuestionType fromLabel(String value) {
        for (QuestionType type : values()) {
            if (type.label.equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown question type: " + value);
    }
}
