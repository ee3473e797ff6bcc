package dev.prescreen.testing;

import dev.prescreen.domain.compliance.SelfIdentification;
import dev.prescreen.domain.compliance.SelfIdentifications;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Both halves of the self-identification table, for tests: keyed organisation / plan / interview. */
public final class InMemorySelfIdentifications implements SelfIdentifications.Writer, SelfIdentifications.Reader {

    private final Map<String, SelfIdentification> stored = new ConcurrentHashMap<>();

    private static String key(String organisation, String planId, String interviewId) {
        return organisation + "/" + planId + "/" + interviewId;
    }

    @Override
    public void put(String organisation, String planId, String interviewId, SelfIdentification value, Instant at) {
        stored.put(key(organisation, planId, interviewId), value);
    }

    @Override
    public void delete(String organisation, String planId, String interviewId) {
        stored.remove(key(organisation, planId, interviewId));
    }

    @Override
    public Map<String, SelfIdentification> ofPlan(String organisation, String planId) {
        return select(organisation + "/" + planId + "/");
    }

    @Override
    public Map<String, SelfIdentification> ofOrganisation(String organisation) {
        return select(organisation + "/");
    }

    private Map<String, SelfIdentification> select(String prefix) {
        Map<String, SelfIdentification> out = new HashMap<>();
        stored.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(k.lastIndexOf('/') + 1), v);
            }
        });
        return out;
    }

    public int size() {
        return stored.size();
    }
}
