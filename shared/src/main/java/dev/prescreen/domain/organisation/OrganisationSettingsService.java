package dev.prescreen.domain.organisation;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import java.time.Clock;
import java.util.Optional;

/** Reads and changes an organisation's settings. */
public final class OrganisationSettingsService {

    /** Six weeks of business days: more is a typing mistake, not a notice policy. */
    public static final int MAX_NOTICE_LEAD_BUSINESS_DAYS = 30;

    private final OrganisationSettingsRepository settings;
    private final dev.prescreen.domain.audit.AuditTrail audit;
    private final Clock clock;

    /** For the services that only read the settings (batches, the candidate's session). */
    public OrganisationSettingsService(OrganisationSettingsRepository settings, Clock clock) {
        this(settings, null, clock);
    }

    /** @param audit where changes are recorded (the recruiters' API) */
    public OrganisationSettingsService(OrganisationSettingsRepository settings,
            dev.prescreen.domain.audit.AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public OrganisationSettings get(String organisation) {
        return settings.find(organisation).orElse(OrganisationSettings.defaults(organisation));
    }

    /** Changes what is given (null: unchanged); a recruiter's change is audited. */
    public OrganisationSettings update(String organisation, Integer noticeLeadBusinessDays,
            Boolean selfIdentificationForm, String actor) {
        if (noticeLeadBusinessDays != null
                && (noticeLeadBusinessDays < 0 || noticeLeadBusinessDays > MAX_NOTICE_LEAD_BUSINESS_DAYS)) {
            throw new DomainException.InvalidInput("noticeLeadBusinessDays",
                    "must be from 0 (no notice required) to " + MAX_NOTICE_LEAD_BUSINESS_DAYS);
        }
        OrganisationSettings changed = ConcurrentWrites.retry("organisation", "the organisation's settings", () -> {
            OrganisationSettings current = get(organisation);
            OrganisationSettings next = new OrganisationSettings(organisation,
                    noticeLeadBusinessDays == null ? current.noticeLeadBusinessDays() : noticeLeadBusinessDays,
                    selfIdentificationForm == null ? current.offersSelfIdentification() : selfIdentificationForm,
                    clock.instant(), current.revision() + 1);
            return settings.put(next, current.revision()) ? Optional.of(next) : Optional.empty();
        });
        if (audit != null) {
            audit.record(organisation, actor, dev.prescreen.domain.audit.AuditAction.SETTINGS_CHANGED,
                    new dev.prescreen.domain.audit.AuditTrail.Subject(null, null, null), "noticeLeadBusinessDays "
                            + changed.noticeLeadBusinessDays() + ", selfIdentificationForm "
                            + changed.offersSelfIdentification());
        }
        return changed;
    }
}
