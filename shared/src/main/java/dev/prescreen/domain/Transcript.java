package dev.prescreen.domain;

import java.util.List;

/**
 * What a candidate said (or typed) for one answer. Spoken answers carry word timings and
 * recogniser confidences; typed answers have text only and an empty word list.
 */
public record Transcript(String text, List<Word> words) {

    public Transcript {
        text = text == null ? "" : text;
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static Transcript typed(String text) {
        return new Transcript(text, List.of());
    }

    public boolean spoken() {
        return !words.isEmpty();
    }

    /** One recognised word (or punctuation mark, with no timing) with its confidence in 0..1. */
    public record Word(String content, double startSeconds, double endSeconds, double confidence, boolean punctuation) {
    }
}
