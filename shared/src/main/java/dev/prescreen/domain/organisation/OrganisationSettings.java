package dev.prescreen.domain.organisation;

import java.time.Instant;

/**
 * An organisation's own settings.
 *
 * @param noticeLeadBusinessDays business days of notice candidates get before an automated interview (0: none
 *                               required). NYC Local Law 144 asks for ten for candidates in New York City.
 * @param selfIdentificationForm whether candidates are offered the voluntary self-identification form after their
 *                               interview (null, as stored before the setting existed: yes). An organisation outside
 *                               the US may turn it off: race and ethnicity are special-category data under GDPR.
 */
public record OrganisationSettings(String organisation, int noticeLeadBusinessDays, Boolean selfIdentificationForm,
        Instant updatedAt, long revision) {

    public static OrganisationSettings defaults(String organisation) {
        return new OrganisationSettings(organisation, 0, true, null, 0);
    }

    public boolean offersSelfIdentification() {
        return selfIdentificationForm == null || selfIdentificationForm;
    }

    public boolean requiresNotice() {
        return noticeLeadBusinessDays > 0;
    }
}
