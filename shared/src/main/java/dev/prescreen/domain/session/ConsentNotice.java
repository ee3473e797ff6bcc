package dev.prescreen.domain.session;

import dev.prescreen.domain.Messages;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate is told before anything is recorded, in the plan's interview language (the {@code consent.*}
 * sentences of the message catalogues). What the page records (sound, or video) and whether it notes integrity
 * signals change what is said, so the version names the wording, the language and those two
 * ({@code 2026-12-v3/de-DE/video+signals}); a consent records the version the candidate saw.
 */
public record ConsentNotice(String version, String text) {

    /**
     * The wording's version, the same for every language: bump it (a new date-based value) whenever the consent
     * text changes in any catalogue. ConsentNoticeTest pins each language's wording to it.
     */
    public static final String VERSION = "2026-12-v3";

    public static ConsentNotice forPlan(Plan plan) {
        Messages m = Messages.of(plan.language());
        Answering answering = plan.answering();
        boolean video = answering.capture() == Answering.Capture.VIDEO;
        List<String> sentences = new ArrayList<>();
        sentences.add(m.text("consent.automated", "role", plan.roleTitle()));
        sentences.add(m.text("consent.timing", "questions", plan.questions().size(), "seconds", plan.answerSeconds(),
                "minutes", plan.slotMinutes()));
        sentences.add(m.text("consent.processing"));
        if (video) {
            // who sees the video, and that nothing but the words is evaluated (no facial or emotion analysis)
            sentences.add(m.text("consent.video"));
        }
        sentences.add(m.text("consent.sharing"));
        if (answering.integritySignals()) {
            sentences.add(m.text("consent.integrity"));
        }
        sentences.add(m.text("consent.retention", "days", plan.retentionDays()));
        sentences.add(m.text("consent.rights", "contact", plan.recipients().get(0)));
        return new ConsentNotice(version(m.language(), answering), String.join(" ", sentences));
    }

    /**
     * The version of the notice in a language for a way of answering: the wording's {@link #VERSION}, the language's
     * code, what is recorded and, when noted, {@code +signals}.
     */
    public static String version(String language, Answering answering) {
        return VERSION + "/" + language + "/" + answering.capture().wireName()
                + (answering.integritySignals() ? "+signals" : "");
    }

    /**
     * Whether a consent names this notice, wording and language: a candidate agrees to the text they were shown, so a
     * consent naming only the wording, or another language's notice, is refused.
     */
    public boolean accepts(String noticeVersion) {
        return version.equals(noticeVersion);
    }
}
