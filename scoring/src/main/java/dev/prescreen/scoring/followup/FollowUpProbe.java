package dev.prescreen.scoring.followup;

import dev.prescreen.scoring.QuestionType;

/** One follow-up question from the fixed, versioned probe set, chosen for a type and a gap in the answer. */
public record FollowUpProbe(String id, QuestionType type, String gap, String text, String probeSetVersion) {
}
