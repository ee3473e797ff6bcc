package dev.prescreen.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Construct ids from the catalog's kebab-case names, so the template reads in the product's words. */
final class Names {

    private Names() {
    }

    /** {@code transcription-jobs} becomes {@code TranscriptionJobs}. */
    static String pascal(String kebabOrSnake) {
        return Arrays.stream(kebabOrSnake.toLowerCase(Locale.ROOT).split("[-_/]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
