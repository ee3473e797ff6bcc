package dev.prescreen.domain.plan;

import dev.prescreen.domain.Page;
import java.util.Optional;

/** Where plans are kept; every call is scoped to one organisation. */
public interface PlanRepository {

    void create(Plan plan);

    Optional<Plan> find(String organisation, String planId);

    /** Plans newest first; the cursor is opaque and only valid for the same organisation. */
    Page<Plan> list(String organisation, int limit, String cursor);

    /** Replaces a plan if it still has the expected revision; false when another change got there first. */
    boolean replace(Plan plan, long expectedRevision);
}
