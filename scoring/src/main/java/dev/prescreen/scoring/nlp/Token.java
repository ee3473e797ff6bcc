package dev.prescreen.scoring.nlp;

/** One token: lowercased form, universal POS tag, lemma and its character span in the analysed text. */
public record Token(String form, String tag, String lemma, int start, int end) {

    /** The tag packs without a tagger give any function word they know from the language's stop words. */
    public static final String FUNCTION_WORD = "FUNC";

    public boolean is(String tagName) {
        return tag.equals(tagName);
    }

    public boolean isWord() {
        return !tag.equals("PUNCT") && !tag.equals("SYM") && Character.isLetterOrDigit(form.charAt(0));
    }
}
