package dev.prescreen.scoring;

import dev.prescreen.scoring.QuestionType;
import java.util.EnumMap;
import java.util.Map;

/** The anchored 1–5 scale per question type, word for word from the scoring rubric. */
public final class RubricAnchors {

    private static final Map<QuestionType, String[]> ANCHORS = new EnumMap<>(QuestionType.class);

    static {
        ANCHORS.put(QuestionType.GENERAL, new String[] {
            "Avoids the question, off-topic, empty, or pure filler/buzzwords.",
            "Mostly vague or rambling; long with little substance, or so short it says almost nothing.",
            "Relevant but generic, or answers only part of the question; noticeable filler or length.",
            "Direct and relevant and mostly concrete; a little filler or one short tangent.",
            "Answers the exact question at once; concrete (names real technologies, projects or facts); concise; "
                + "shows self-awareness (strengths and limits); no filler."});
        ANCHORS.put(QuestionType.BEHAVIORAL, new String[] {
            "Purely hypothetical (\"I would…\"), no example at all, or off-topic.",
            "Describes how they usually work in general, or mostly hypothetical with only a hint of real experience.",
            "A past example, but vague; or mostly \"we\" so the candidate's own part is unclear; or no result.",
            "Specific past example with the candidate's actions clear; result present but not quantified, or one "
                + "STAR element thin.",
            "One specific past situation; the candidate's own actions in the first person singular; a measurable "
                + "result (number, percentage, time, money)."});
        ANCHORS.put(QuestionType.EXPERIENCE, new String[] {
            "No relevant experience expressed, evasive, or off-topic.",
            "General statements only (\"I'm familiar with\", \"I usually\"), nothing concrete.",
            "Some specifics (technology names, years) but no identifiable project, employer or outcome.",
            "A specific project or employer and concrete technologies; outcomes stated without numbers.",
            "Names employers or projects and roles, concrete technologies and durations, and measurable outcomes; "
                + "progression is visible."});
        ANCHORS.put(QuestionType.SITUATIONAL, new String[] {
            "A single line, dismissive of the complexity, or off-topic.",
            "A shallow list of buzzwords or steps with no reasoning.",
            "Some reasoning, but unordered or generic; few concrete techniques.",
            "Structured and concrete, with little discussion of trade-offs.",
            "Ordered steps (measure or diagnose first, form hypotheses, act, verify); concrete tools or techniques; "
                + "trade-offs or alternatives weighed; adapts to context."});
    }

    private RubricAnchors() {
    }

    public static String anchor(QuestionType type, int score) {
        return ANCHORS.get(type)[score - 1];
    }
}
