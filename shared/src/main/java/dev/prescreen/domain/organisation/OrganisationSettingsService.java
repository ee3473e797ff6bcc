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
    private final Clock clock;

    public OrganisationSettingsService(OrganisationSettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public OrganisationSettings get(String organisation) {
        return settings.find(organisation).orElse(OrganisationSettings.defaults(organisation));
    }

    /** Changes what is given (null: unchanged). */
    public OrganisationSettings update(String organisation, Integer noticeLeadBusinessDays,
            Boolean selfIdentificationForm) {
        if (noticeLeadBusinessDays != null
                && (noticeLeadBusinessDays < 0 || noticeLeadBusinessDays > MAX_NOTICE_LEAD_BUSINESS_DAYS)) {
            throw new DomainException.InvalidInput("noticeLeadBusinessDays",
                    "must be from 0 (no notice required) to " + MAX_NOTICE_LEAD_BUSINESS_DAYS);
        }
        return ConcurrentWrites.retry("organisation", "the organisation's settings", () -> {
            OrganisationSettings current = get(organisation);
            OrganisationSettings changed = new OrganisationSettings(organisation,
                    noticeLeadBusinessDays == null ? current.noticeLeadBusinessDays() : noticeLeadBusinessDays,
                    selfIdentificationForm == null ? current.offersSelfIdentification() : selfIdentificationForm,
                    clock.instant(), current.revision() + 1);
            return settings.put(changed, current.revision()) ? Optional.of(changed) : Optional.empty();
        });
    }
}
