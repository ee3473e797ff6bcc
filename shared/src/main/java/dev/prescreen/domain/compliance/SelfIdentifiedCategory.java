package dev.prescreen.domain.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A value of a self-identification question ({@link Sex}, {@link RaceEthnicity}): its wire name, its label in an
 * audit table, and whether it is a category at all ({@code DECLINE} is not: it counts as unknown).
 */
public interface SelfIdentifiedCategory {

    String name();

    String label();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    default boolean known() {
        return !"DECLINE".equals(name());
    }

    static <E extends Enum<E> & SelfIdentifiedCategory> Optional<E> fromWire(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.wireName().equals(value)).findFirst();
    }
}
