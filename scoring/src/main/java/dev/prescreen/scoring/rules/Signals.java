package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import dev.prescreen.scoring.evidence.EvidenceRecord;

/** Readings the rules of several types share, derived from the evidence record (no state, no language). */
final class Signals {

    private Signals() {
    }

    /** 0..5: technologies, several of them, numbers, an employer or project, own actions. */
    static int concreteness(EvidenceRecord e) {
        int c = 0;
        c += e.get(TECHNOLOGIES) > 0 ? 1 : 0;
        c += e.get(TECHNOLOGIES) >= 3 ? 1 : 0;
        c += e.get(QUANTITIES) + e.get(DURATIONS) > 0 ? 1 : 0;
        c += e.get(EMPLOYERS) + e.get(PROJECTS) > 0 ? 1 : 0;
        c += e.get(OWN_ACTIONS) >= 2 ? 1 : 0;
        return c;
    }

    static double vagueShare(EvidenceRecord e) {
        return e.share(VAGUE_SENTENCES, SENTENCES, 1);
    }

    static double listShare(EvidenceRecord e) {
        return e.share(LIST_WORDS, WORDS, 0);
    }

    static boolean named(EvidenceRecord e) {
        return e.get(EMPLOYERS) + e.get(PROJECTS) > 0;
    }

    /**
     * Speakers of other languages often tell a past story in the present tense ("last year i write a server"): a story
     * anchored in a place or time, told without habits or conditionals, counts as past.
     */
    static boolean anchoredStory(EvidenceRecord e) {
        return (named(e) || e.get(DURATIONS) > 0) && e.get(HABITUAL) == 0 && e.get(HYPOTHETICAL_CLAUSES) == 0;
    }

    static double ownPast(EvidenceRecord e) {
        return anchoredStory(e) ? Math.max(e.get(OWN_PAST_ACTIONS), e.get(OWN_ACTIONS)) : e.get(OWN_PAST_ACTIONS);
    }

    static double teamPast(EvidenceRecord e) {
        return anchoredStory(e) ? Math.max(e.get(TEAM_PAST_ACTIONS), e.get(TEAM_ACTIONS)) : e.get(TEAM_PAST_ACTIONS);
    }

    static double past(EvidenceRecord e) {
        return ownPast(e) + teamPast(e);
    }

    /** Lists of technologies the candidate says nothing about doing anything with. */
    static boolean keywordStuffing(EvidenceRecord e, Thresholds t) {
        // most of the answer is lists, or long lists inside a longer answer that hardly reasons
        boolean listed = (e.get(LIST_ITEMS) >= t.get("stuffing.min_list_items")
                    && listShare(e) >= t.get("stuffing.min_list_share"))
                || (e.get(LIST_ITEMS) >= t.get("stuffing.min_list_items_inside_answer")
                    && e.get(STEPS) + e.get(REASONS) + e.get(CONDITIONALS) <= t.get("stuffing.max_reasoning"));
        boolean actedOn = e.share(TECHNOLOGIES_WITH_OWN_ACTION, TECHNOLOGIES, 0) >= t.get("stuffing.max_acted_on_share");
        return listed && !actedOn && e.get(OWN_PAST_ACTIONS) < t.get("stuffing.max_own_past_actions");
    }

    /** The answer is about something else than the question: precision first, a false off-topic costs most. */
    static boolean offTopic(EvidenceRecord e, Thresholds t) {
        if (e.get(WORDS) < t.get("off_topic.min_words")) {
            return false;
        }
        boolean semantic = e.get(SEMANTIC_MEASURED) > 0;
        double margin = e.get(SEMANTIC_MARGIN);
        if (e.get(CONCEPTS) > 0) {
            boolean conceptsMissed = e.get(CONCEPT_HITS) == 0 || (e.get(CONCEPT_HITS) == 1
                    && e.get(WORDS) >= t.get("off_topic.single_concept_min_words") && e.get(TECHNOLOGIES) <= 2);
            // without an embedding model (a language that has none) the concepts decide, unless the answer uses the
            // question's own words: a translated concept list misses many ways of saying the same thing
            boolean usesTheQuestionsWords = e.share(QUESTION_TERM_HITS, QUESTION_TERMS, 0)
                    >= t.get("off_topic.lexical_max_term_share");
            // nor when it evades the question in general words: an evasive answer is scored as one, not as another topic
            boolean evades = e.get(EVASIVE) > 0 || vagueShare(e) >= t.get("off_topic.lexical_vague_share");
            usesTheQuestionsWords |= !semantic && evades;
            return (conceptsMissed && (semantic ? margin < t.get("off_topic.bank_max_margin") : !usesTheQuestionsWords))
                    || (semantic && e.get(CONCEPT_HITS) <= 1 && margin < t.get("off_topic.own_question_max_margin"));
        }
        double similarity = e.get(SEMANTIC_SIMILARITY);
        boolean closerToAnother = margin < t.get("off_topic.own_question_max_margin")
                && similarity < t.get("off_topic.own_question_max_similarity");
        boolean unrelated = similarity < t.get("off_topic.own_question_unrelated_similarity");
        return semantic && (closerToAnother || unrelated)
                && e.share(QUESTION_TERM_HITS, QUESTION_TERMS, 0) < t.get("off_topic.own_question_max_term_share");
    }
}
