package dev.prescreen.scoring.language;

import java.text.Normalizer;

/**
 * Lower-cases and strips diacritics one character for one character, so offsets into the folded text are offsets into
 * the original: typed answers often lose their accents ("tecnica", "queria", "zrobilem"), and a lexicon written with
 * them must still match. Letters without a decomposition keep their own (ß, æ); ł and ø, which have none, become l, o.
 */
public final class Folding {

    private Folding() {
    }

    public static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i));
        }
        return new String(out);
    }

    public static char fold(char c) {
        char lower = Character.toLowerCase(c);
        if (lower < 0x80) {
            return lower;
        }
        switch (lower) {
            case 'ł': return 'l';
            case 'ø': return 'o';
            case '\u2019': return '\'';
            default: break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return decomposed.length() > 1 && Character.isLetter(base) ? base : lower;
    }
}
