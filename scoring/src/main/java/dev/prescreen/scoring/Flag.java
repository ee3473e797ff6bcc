package dev.prescreen.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Findings reported beside the score; serialised by their lowercase wire names. */
public enum Flag {
    PROMPT_INJECTION,
    NO_ANSWER,
    KEYWORD_STUFFING,
    OFF_TOPIC,
    HYPOTHETICAL,
    WE_NOT_I;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Flag fromWireName(String wireName) {
        for (Flag flag : values()) {
            if (flag.wireName().equalsIgnoreCase(wireName.trim())) {
                return flag;
            }
        }
        throw new IllegalArgumentException("unknown flag: " + wireName);
    }
}
