package dev.prescreen.domain.report;

import java.time.YearMonth;
import java.util.Map;

/**
 * Metering per organisation and month. Each event is recorded once under its own id, so a redelivered
 * message never counts twice; totals are sums over the month's events.
 */
public interface UsageMeter {

    /** Records an event's amounts (e.g. {@code screenings=1, answers=8, audioSeconds=312}) if not yet recorded. */
    void record(String organisation, YearMonth month, String eventId, Map<String, Double> amounts);

    /** The month's totals by name. */
    Map<String, Double> totals(String organisation, YearMonth month);
}
