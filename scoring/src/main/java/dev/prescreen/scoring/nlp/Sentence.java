package dev.prescreen.scoring.nlp;

import java.util.List;

/** One sentence: its span in the analysed text and its tokens. */
public record Sentence(int start, int end, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }
}
