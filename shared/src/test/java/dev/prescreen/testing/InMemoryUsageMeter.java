package dev.prescreen.testing;

import dev.prescreen.domain.report.UsageMeter;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Usage events kept by id, so a repeated event counts once, as in DynamoDB. */
public final class InMemoryUsageMeter implements UsageMeter {

    private final Map<String, Map<String, Double>> events = new ConcurrentHashMap<>();

    @Override
    public void record(String organisation, YearMonth month, String eventId, Map<String, Double> amounts) {
        events.putIfAbsent(organisation + "/" + month + "/" + eventId, Map.copyOf(amounts));
    }

    @Override
    public Map<String, Double> totals(String organisation, YearMonth month) {
        Map<String, Double> totals = new HashMap<>();
        events.forEach((key, amounts) -> {
            if (key.startsWith(organisation + "/" + month + "/")) {
                amounts.forEach((k, v) -> totals.merge(k, v, Double::sum));
            }
        });
        return totals;
    }
}
