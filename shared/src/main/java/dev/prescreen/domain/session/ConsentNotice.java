package dev.prescreen.domain.session;

import dev.prescreen.domain.plan.Plan;

/**
 * What a candidate is told before anything is recorded. The version names the wording; a consent
 * records the version the candidate saw.
 */
public record ConsentNotice(String version, String text) {

    public static final String VERSION = "2026-11-v1";

    public static ConsentNotice forPlan(Plan plan) {
        String contact = plan.recipients().get(0);
        String text = "This is an automated screening interview for the role of " + plan.roleTitle() + ". "
                + "You will be asked " + plan.questions().size() + " questions, one at a time, with up to "
                + plan.answerSeconds() + " seconds for each answer; the whole interview takes at most "
                + plan.slotMinutes() + " minutes. "
                + "Your spoken answers are recorded and transcribed by software (you may type instead), and each "
                + "answer is scored by software against a fixed rubric, the same for every candidate. "
                + "The hiring team receives the scores and the full transcript. "
                + "Recordings are kept for " + plan.retentionDays() + " days and then deleted. "
                + "You can ask for all your data to be deleted, or for an interview with a person instead, by "
                + "writing to " + contact + ".";
        return new ConsentNotice(VERSION, text);
    }
}
