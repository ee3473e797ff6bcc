package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.prescreen.domain.Languages;
import dev.prescreen.local.cloud.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate page's files as the tests read them: the folder {@code web/candidate} under the repository root,
 * its message catalogues ({@code i18n/<code>.json}) and its app.js and index.html. Shared by
 * {@link CandidatePageCataloguesTest} and {@link CandidatePageStringsTest}.
 */
final class CandidatePageSources {

    /**
     * The languages that must have a catalogue. This must equal the product's supported languages, so it is
     * them: {@link Languages#SUPPORTED} (app.js's own list is checked against it by CandidatePageStringsTest).
     */
    static final List<String> LANGUAGES = Languages.SUPPORTED;

    /** The catalogue every other is checked against, and the one app.js falls back to. */
    static final String REFERENCE = "en-US";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private CandidatePageSources() {
    }

    static Path page() {
        Path page = ProjectLayout.root().resolve("web").resolve("candidate");
        assertThat(page).as("the candidate page folder").isDirectory();
        return page;
    }

    /** The messages of one language's catalogue, in file order; fails if it is missing, invalid or repeats a key. */
    static Map<String, String> catalogue(String language) {
        Path file = page().resolve("i18n").resolve(language + ".json");
        assertThat(file).as("the catalogue of " + language).isRegularFile();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON (or repeats a key): " + e.getMessage(), e);
        }
        assertThat(root.isObject()).as(file + " is one flat JSON object").isTrue();
        Map<String, String> messages = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            assertThat(field.getValue().isTextual()).as(file + ": " + field.getKey() + " is a string").isTrue();
            messages.put(field.getKey(), field.getValue().asText());
        });
        return messages;
    }

    /** A file of the page, such as {@code app.js} or {@code index.html}. */
    static String read(String name) throws IOException {
        return Files.readString(page().resolve(name), StandardCharsets.UTF_8);
    }

    /** The page's scripts as index.html loads them ({@code <script src>}, in order), one after the other. */
    static String scripts() throws IOException {
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script src=\"([^\"]+)\"").matcher(read("index.html"));
        StringBuilder all = new StringBuilder();
        while (script.find()) {
            all.append(read(script.group(1))).append('\n');
        }
        assertThat(all).as("index.html loads its scripts").isNotEmpty();
        return all.toString();
    }
}
