package dev.prescreen.domain.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

/** Creating, reading, changing, archiving and freezing plans. */
public final class PlanService {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;
    private static final String PLAN = "plan";
    private static final String THE_PLAN = "the plan";

    private final PlanRepository repository;
    private final PlanRules rules;
    private final Clock clock;

    public PlanService(PlanRepository repository, PlanRules rules, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    public Plan create(String organisation, PlanInput input) {
        PlanRules.PlanContent content = rules.check(input);
        Instant now = clock.instant();
        Plan plan = build(Ids.newId("pl", clock), organisation, content, Plan.PlanStatus.ACTIVE, null, now, now, 1);
        repository.create(plan);
        return plan;
    }

    public Plan get(String organisation, String planId) {
        if (!Ids.looksLike("pl", planId)) {
            throw new DomainException.NotFound("plan");
        }
        return repository.find(organisation, planId).orElseThrow(() -> new DomainException.NotFound("plan"));
    }

    public Page<Plan> list(String organisation, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException.InvalidInput("limit", "must be from 1 to " + MAX_PAGE_SIZE);
        }
        return repository.list(organisation, size, cursor);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the plan as a recruiter wrote it. After the plan is frozen,
     * a patch that changes questions, threshold, timing, language or follow-ups is refused.
     */
    public Plan patch(String organisation, String planId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new DomainException.InvalidInput("body", "must be a JSON object (a merge patch)");
        }
        return ConcurrentWrites.retry(PLAN, THE_PLAN, () -> {
            Plan current = get(organisation, planId);
            if (current.status() == Plan.PlanStatus.ARCHIVED) {
                throw new DomainException.Conflict("status", "the plan is archived");
            }
            JsonNode merged = merge(Json.mapper().valueToTree(current.toInput()), patch);
            PlanInput input;
            try {
                input = Json.strict().treeToValue(merged, PlanInput.class);
            } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                throw new DomainException.InvalidInput(e.getPropertyName(), "is not a field of a plan");
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                throw new DomainException.InvalidInput("body", "has a value of the wrong type");
            }
            List<String> frozenChanges = frozenChanges(current.toInput(), input);
            if (current.frozen() && !frozenChanges.isEmpty()) {
                throw new DomainException.Conflict(frozenChanges.get(0), "the plan is frozen since its first "
                        + "invitation: " + String.join(", ", frozenChanges)
                        + " can no longer change (candidates would be incomparable)");
            }
            PlanRules.PlanContent content = rules.check(input);
            Plan updated = build(planId, organisation, content, current.status(), current.frozenAt(),
                    current.createdAt(), clock.instant(), current.revision() + 1);
            return repository.replace(updated, current.revision()) ? Optional.of(updated) : Optional.empty();
        });
    }

    /** Archives the plan: no new invitations, data kept. Idempotent. */
    public Plan archive(String organisation, String planId) {
        return ConcurrentWrites.retry(PLAN, THE_PLAN, () -> {
            Plan current = get(organisation, planId);
            if (current.status() == Plan.PlanStatus.ARCHIVED) {
                return Optional.of(current);
            }
            Plan archived = current.with(Plan.PlanStatus.ARCHIVED, current.frozenAt(), clock.instant());
            return repository.replace(archived, current.revision()) ? Optional.of(archived) : Optional.empty();
        });
    }

    /**
     * Freezes the plan when its first invitation is sent; returns the frozen plan (whose version the
     * invitation records). Idempotent.
     */
    public Plan freeze(String organisation, String planId) {
        return ConcurrentWrites.retry(PLAN, THE_PLAN, () -> {
            Plan current = get(organisation, planId);
            if (current.frozen()) {
                return Optional.of(current);
            }
            Instant now = clock.instant();
            Plan frozen = current.with(current.status(), now, now);
            return repository.replace(frozen, current.revision()) ? Optional.of(frozen) : Optional.empty();
        });
    }

    /** The frozen parts a change touches: questions, threshold, timing, language, bank, follow-ups and answering. */
    private static List<String> frozenChanges(PlanInput before, PlanInput after) {
        List<String> changed = new ArrayList<>();
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("questions", Objects.equals(before.questions(), after.questions()));
        same.put("passThreshold", Objects.equals(before.passThreshold(), after.passThreshold()));
        same.put("answerSeconds", Objects.equals(before.answerSeconds(), after.answerSeconds()));
        same.put("slotMinutes", Objects.equals(before.slotMinutes(), after.slotMinutes()));
        same.put("language", Objects.equals(before.language(), after.language()));
        same.put("bankRole", Objects.equals(before.bankRole(), after.bankRole()));
        same.put("followUps", Objects.equals(before.followUps(), after.followUps()));
        same.put("capture", Objects.equals(before.capture(), after.capture()));
        same.put("retakesPerQuestion", Objects.equals(before.retakesPerQuestion(), after.retakesPerQuestion()));
        same.put("integritySignals", Objects.equals(before.integritySignals(), after.integritySignals()));
        same.forEach((field, unchanged) -> {
            if (!unchanged) {
                changed.add(field);
            }
        });
        return changed;
    }

    private static Plan build(String planId, String organisation, PlanRules.PlanContent c, Plan.PlanStatus status,
            Instant frozenAt, Instant createdAt, Instant updatedAt, long revision) {
        return new Plan(planId, organisation, c.roleTitle(), c.bankRole(), c.language(), c.reportLanguage(), c.questions(),
                c.answerSeconds(), c.slotMinutes(), c.passThreshold(), c.recipients(), c.followUps(),
                c.invitationWindowDays(), c.retentionDays(), c.answering(), c.timeZone(), status, frozenAt, createdAt, updatedAt, revision);
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : Json.mapper().createObjectNode();
        patch.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            }
        });
        return result;
    }
}
