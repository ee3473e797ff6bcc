package dev.prescreen.domain.session;

import dev.prescreen.domain.Messages;
import dev.prescreen.domain.plan.Plan;

/**
 * What a candidate is told before anything is recorded, in the plan's interview language (the {@code consent.*}
 * sentences of the message catalogues). The version names the wording and the language ({@code 2026-12-v2/de-DE});
 * a consent records the version the candidate saw.
 */
public record ConsentNotice(String version, String text) {

    /**
     * The wording's version, the same for every language: bump it (a new date-based value) whenever the consent
     * text changes in any catalogue. ConsentNoticeTest pins each language's wording to it.
     */
    public static final String VERSION = "2026-12-v2";

    public static ConsentNotice forPlan(Plan plan) {
        Messages m = Messages.of(plan.language());
        String text = String.join(" ",
                m.text("consent.automated", "role", plan.roleTitle()),
                m.text("consent.timing", "questions", plan.questions().size(), "seconds", plan.answerSeconds(),
                        "minutes", plan.slotMinutes()),
                m.text("consent.processing"),
                m.text("consent.sharing"),
                m.text("consent.retention", "days", plan.retentionDays()),
                m.text("consent.rights", "contact", plan.recipients().get(0)));
        return new ConsentNotice(version(m.language()), text);
    }

    /** The version of the notice in a language: the wording's {@link #VERSION} and the language's code. */
    public static String version(String language) {
        return VERSION + "/" + language;
    }

    /**
     * Whether a consent names this notice, wording and language: a candidate agrees to the text they were shown, so a
     * consent naming only the wording, or another language's notice, is refused.
     */
    public boolean accepts(String noticeVersion) {
        return version.equals(noticeVersion);
    }
}
