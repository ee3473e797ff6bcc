package dev.prescreen.scoring.relevance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        String resource = "scoring/relevance/reference-questions-" + code + ".txt";
        List<String> out = new ArrayList<>();
        try (InputStream in = ReferenceQuestions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return out; // no reference questions for the language: the margin is not measured
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
