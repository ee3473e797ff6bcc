package dev.prescreen.domain.organisation;

import java.time.Instant;

/**
 * An organisation's own settings.
 *
 * @param noticeLeadBusinessDays business days of notice candidates get before an automated interview (0: none
 *                               required). NYC Local Law 144 asks for ten for candidates in New York City.
 */
public record OrganisationSettings(String organisation, int noticeLeadBusinessDays, Instant updatedAt, long revision) {

    public static OrganisationSettings defaults(String organisation) {
        return new OrganisationSettings(organisation, 0, null, 0);
    }

    public boolean requiresNotice() {
        return noticeLeadBusinessDays > 0;
    }
}
