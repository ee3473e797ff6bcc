package dev.prescreen.domain.organisation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The earliest an automated interview may be sent after notice is given: the same local time, the given number of
 * business days (Monday to Friday) later, in the plan's time zone. Notice given at a weekend counts from the start
 * of the Monday after, so the whole lead is business days. Public holidays are not known here: an organisation whose
 * calendar has them sets a larger lead.
 */
public final class NoticeLead {

    private NoticeLead() {
    }

    public static Instant earliestSend(Instant noticeAt, int businessDays, ZoneId zone) {
        ZonedDateTime at = noticeAt.atZone(zone);
        if (weekend(at.toLocalDate())) {
            LocalDate monday = at.toLocalDate();
            while (weekend(monday)) {
                monday = monday.plusDays(1);
            }
            at = monday.atStartOfDay(zone);
        }
        LocalDate day = at.toLocalDate();
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (!weekend(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, at.toLocalTime(), zone).toInstant();
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
