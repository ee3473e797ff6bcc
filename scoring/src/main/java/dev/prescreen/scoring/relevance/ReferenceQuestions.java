package dev.prescreen.scoring.relevance;

import dev.prescreen.scoring.internal.ClasspathResources;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions an answer may really be answering instead of the one asked ({@code scoring/relevance/
 * reference-questions-<language>.txt}), embedded once per JVM and language. An answer much closer to one of them
 * than to its own question is a fluent answer to a different question.
 */
final class ReferenceQuestions {

    /** A reference question about as close to the asked one as this is the same topic, not a distractor. */
    static final double SAME_TOPIC = 0.6;

    private static final Map<String, List<float[]>> EMBEDDED = new ConcurrentHashMap<>();

    private ReferenceQuestions() {
    }

    static List<float[]> embedded(String language, SentenceEmbedder embedder) {
        String code = language.toLowerCase(Locale.ROOT).substring(0, Math.min(2, language.length()));
        return EMBEDDED.computeIfAbsent(code + "|" + embedder.version(),
                k -> read(code).stream().map(embedder::embed).toList());
    }

    private static List<String> read(String code) {
        // no reference questions for a language: its margin is not measured
        return ClasspathResources.lines("scoring/relevance/reference-questions-" + code + ".txt").orElse(List.of())
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
    }
}
