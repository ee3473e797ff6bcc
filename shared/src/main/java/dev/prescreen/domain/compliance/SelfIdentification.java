package dev.prescreen.domain.compliance;

import dev.prescreen.domain.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a candidate chose to say about themselves after their interview. Stored apart from everything else (its own
 * table, which only the impact-ratio aggregate reads), so the scorer, the report, the ranking and the emails cannot
 * see it.
 */
public record SelfIdentification(Sex sex, RaceEthnicity raceEthnicity) {

    public SelfIdentification {
        sex = sex == null ? Sex.DECLINE : sex;
        raceEthnicity = raceEthnicity == null ? RaceEthnicity.DECLINE : raceEthnicity;
    }

    /** The form's values as sent; a question left out counts as declined, a value outside the lists is refused. */
    public static SelfIdentification checked(String sex, String raceEthnicity) {
        Sex s = sex == null ? Sex.DECLINE : Sex.fromWire(sex).orElseThrow(() -> new DomainException.InvalidInput(
                "sex", "must be one of " + Arrays.stream(Sex.values()).map(Sex::wireName)
                        .collect(Collectors.joining(", "))));
        RaceEthnicity r = raceEthnicity == null ? RaceEthnicity.DECLINE : RaceEthnicity.fromWire(raceEthnicity)
                .orElseThrow(() -> new DomainException.InvalidInput("raceEthnicity", "must be one of "
                        + Arrays.stream(RaceEthnicity.values()).map(RaceEthnicity::wireName)
                                .collect(Collectors.joining(", "))));
        return new SelfIdentification(s, r);
    }
}
