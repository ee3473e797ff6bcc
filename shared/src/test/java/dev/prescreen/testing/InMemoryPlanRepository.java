package dev.prescreen.testing;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The plan repository's contract in memory. */
public final class InMemoryPlanRepository implements PlanRepository {

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    @Override
    public void create(Plan plan) {
        if (plans.putIfAbsent(plan.organisation() + "/" + plan.planId(), plan) != null) {
            throw new IllegalStateException("plan exists");
        }
    }

    @Override
    public Optional<Plan> find(String organisation, String planId) {
        return Optional.ofNullable(plans.get(organisation + "/" + planId));
    }

    @Override
    public Page<Plan> list(String organisation, int limit, String cursor) {
        return new Page<>(plans.values().stream().filter(p -> p.organisation().equals(organisation)).limit(limit)
                .toList(), Optional.empty());
    }

    @Override
    public synchronized boolean replace(Plan plan, long expectedRevision) {
        String key = plan.organisation() + "/" + plan.planId();
        Plan current = plans.get(key);
        if (current == null || current.revision() != expectedRevision) {
            return false;
        }
        plans.put(key, plan);
        return true;
    }

    public List<Plan> all() {
        return List.copyOf(plans.values());
    }
}
