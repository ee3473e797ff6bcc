package dev.prescreen.domain;

import java.util.Optional;

/**
 * What text the product accepts. Everywhere: well-formed Unicode (no unpaired surrogate) and no NUL. In a name or a
 * title, which end up in email subjects and page headings, also no control character (a newline could forge a
 * header or a second line) and no bidirectional control (U+202E could make "gpj.exe" read "exe.jpg").
 */
public final class Text {

    private Text() {
    }

    /** Why the text is refused anywhere, if it is. */
    public static Optional<String> problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of("contains an unpaired surrogate (not valid Unicode)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (not valid Unicode)");
            } else if (c == 0) {
                return Optional.of("contains a NUL character");
            }
        }
        return Optional.empty();
    }

    /** Why the text is refused as a name or a title (one line, shown to people), if it is. */
    public static Optional<String> nameProblem(String value) {
        Optional<String> anywhere = problem(value);
        if (anywhere.isPresent()) {
            return anywhere;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("contains a control character (such as a line break)");
            }
            if (bidiControl(c)) {
                return Optional.of("contains a bidirectional control character");
            }
        }
        return Optional.empty();
    }

    /** The text with control and bidirectional characters removed: for a subject line built from stored text. */
    public static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (!bidiControl(c)) {
                out.append(c);
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the directional marks. */
    private static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
