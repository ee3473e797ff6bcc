package dev.prescreen.local.runtime;

import static dev.prescreen.local.runtime.CandidatePageSources.LANGUAGES;
import static dev.prescreen.local.runtime.CandidatePageSources.REFERENCE;
import static dev.prescreen.local.runtime.CandidatePageSources.catalogue;
import static dev.prescreen.local.runtime.CandidatePageSources.read;
import static dev.prescreen.local.runtime.CandidatePageSources.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The candidate page's strings in index.html and app.js: every key the page uses exists in en-US and every
 * en-US key exists because the page uses it; no user-visible text is left in index.html or app.js outside the
 * catalogues; index.html's English fallback text is en-US's; and app.js offers exactly the supported languages.
 * The catalogues themselves are {@link CandidatePageCataloguesTest}'s. Plain file checks: no browser, no local
 * stack.
 */
class CandidatePageStringsTest {

    /** The attributes index.html may translate, as {@code data-i18n-<attribute>="key"}. */
    private static final List<String> TRANSLATED_ATTRIBUTES = List.of("aria-label", "placeholder");

    /** Attributes that are shown or read to a candidate, so may only hold text app.js replaces. */
    private static final List<String> VISIBLE_ATTRIBUTES = List.of("aria-label", "placeholder", "title", "alt",
            "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext");

    @Test
    void appJsOffersExactlyTheSupportedLanguages() throws IOException {
        Matcher list = Pattern.compile("const LANGUAGES = \\[([^\\]]*)]").matcher(scripts());
        assertThat(list.find()).as("app.js declares `const LANGUAGES = [...]`").isTrue();
        List<String> declared = new ArrayList<>();
        Matcher code = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (code.find()) {
            declared.add(code.group(1));
        }
        assertThat(declared).as("app.js LANGUAGES").containsExactlyElementsOf(LANGUAGES);
        assertThat(scripts()).as("app.js falls back to " + REFERENCE).contains("const FALLBACK = '" + REFERENCE + "'");
    }

    // ---- the keys the page uses ----

    /** {@code t('key'} or {@code t("key"} in app.js (not {@code x.t(} or {@code function t(}). */
    private static final Pattern T_CALL = Pattern.compile("(?<![\\w$.])t\\(\\s*(?:'([^']*)'|\"([^\"]*)\")");
    private static final Pattern ANY_T_CALL = Pattern.compile("(?<![\\w$.])(function\\s+)?t\\(");
    private static final Pattern HTML_KEY = Pattern.compile("\\sdata-i18n(?:-([a-z-]+))?\\s*=\\s*\"([^\"]*)\"");

    static Set<String> keysUsedByAppJs() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = T_CALL.matcher(code(scripts()));
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }

    static Set<String> keysUsedByIndexHtml() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = HTML_KEY.matcher(read("index.html"));
        while (m.find()) {
            keys.add(m.group(2));
        }
        return keys;
    }

    @Test
    void appJsCallsTOnlyWithALiteralKeySoEveryUseIsSeen() throws IOException {
        String code = code(scripts());
        Matcher call = ANY_T_CALL.matcher(code);
        List<String> dynamic = new ArrayList<>();
        while (call.find()) {
            if (call.group(1) != null) {
                continue;
            }
            String rest = code.substring(call.end()).stripLeading();
            if (!rest.startsWith("'") && !rest.startsWith("\"")) {
                dynamic.add(code.substring(call.start(), Math.min(code.length(), call.end() + 40)));
            }
        }
        // The one exception: useLanguage() translates data-i18n elements, whose keys index.html names.
        dynamic.removeIf(c -> c.startsWith("t(element.getAttribute('data-i18n"));
        assertThat(dynamic).as("t(...) calls whose key this test cannot read").isEmpty();
        assertThat(keysUsedByAppJs()).isNotEmpty();
    }

    @Test
    void everyKeyThePageUsesExistsInEnglishAndEveryEnglishKeyIsUsed() throws IOException {
        Set<String> defined = catalogue(REFERENCE).keySet();
        Set<String> used = new TreeSet<>(keysUsedByAppJs());
        used.addAll(keysUsedByIndexHtml());
        Set<String> undefined = new TreeSet<>(used);
        undefined.removeAll(defined);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(undefined).as("keys used by app.js or index.html but missing in " + REFERENCE + ".json").isEmpty();
        softly.assertThat(unused).as("keys in " + REFERENCE + ".json that neither app.js nor index.html uses").isEmpty();
        softly.assertAll();
    }

    @Test
    void indexHtmlTranslatesOnlyAttributesAppJsReplaces() throws IOException {
        String app = scripts();
        Matcher m = HTML_KEY.matcher(read("index.html"));
        while (m.find()) {
            String attribute = m.group(1);
            if (attribute != null) {
                assertThat(TRANSLATED_ATTRIBUTES).as("data-i18n-" + attribute).contains(attribute);
                assertThat(app).as("app.js replaces data-i18n-" + attribute).contains("[data-i18n-" + attribute + "]");
            }
        }
        assertThat(app).contains("[data-i18n]");
    }

    // ---- no text left outside the catalogues ----

    @Test
    void indexHtmlHasNoTextOutsideDataI18nElementsAndItsFallbackIsTheEnglishCatalogue() throws IOException {
        Map<String, String> english = catalogue(REFERENCE);
        List<String> problems = new ArrayList<>();
        List<Element> elements = parse(read("index.html"), problems);
        assertThat(elements).as("index.html parsed").hasSizeGreaterThan(20);
        for (Element element : elements) {
            String key = element.attributes().get("data-i18n");
            String text = element.text().toString().replaceAll("\\s+", " ").strip();
            if (!text.isEmpty() && key == null) {
                problems.add("<" + element.name + "> has text \"" + text + "\" but no data-i18n");
            }
            if (key != null) {
                if (element.childCount()[0] > 0) {
                    problems.add("<" + element.name + " data-i18n=\"" + key + "\"> has child elements, which app.js"
                            + " would wipe out: put the text in a <span data-i18n> of its own");
                }
                if (english.containsKey(key) && !text.equals(english.get(key))) {
                    problems.add("<" + element.name + " data-i18n=\"" + key + "\">'s fallback text \"" + text
                            + "\" is not en-US's \"" + english.get(key) + "\"");
                }
            }
            for (String attribute : VISIBLE_ATTRIBUTES) {
                String value = element.attributes().get(attribute);
                if (value == null || value.isBlank()) {
                    continue;
                }
                String attributeKey = element.attributes().get("data-i18n-" + attribute);
                if (attributeKey == null) {
                    problems.add("<" + element.name + " " + attribute + "=\"" + value + "\"> has no data-i18n-" + attribute);
                } else if (english.containsKey(attributeKey) && !value.equals(english.get(attributeKey))) {
                    problems.add("<" + element.name + " " + attribute + "=\"" + value + "\"> is not en-US's \""
                            + english.get(attributeKey) + "\"");
                }
            }
        }
        assertThat(problems).as("index.html").isEmpty();
    }

    @Test
    void appJsHasNoSentenceOutsideTheCatalogues() throws IOException {
        // Rough but effective: a string literal with two words in a row is text for a person, not a key, a
        // selector, a MIME type or an event name.
        Pattern words = Pattern.compile("\\p{L}{2,}[\\s\\u00a0]+\\p{L}{2,}");
        List<String> sentences = literals(scripts()).stream()
                .filter(s -> !s.equals("use strict"))
                .filter(s -> words.matcher(s).find()).toList();
        assertThat(sentences).as("string literals in app.js that read like user-visible text").isEmpty();
    }

    // ---- helpers ----

    /** app.js without its comments (string literals kept): comments may say anything. */
    static String code(String js) {
        StringBuilder out = new StringBuilder();
        scan(js, out, null);
        return out.toString();
    }

    /** The string and template literals of a script, comments skipped. */
    static List<String> literals(String js) {
        List<String> found = new ArrayList<>();
        scan(js, new StringBuilder(), found);
        return found;
    }

    /**
     * A small JavaScript scanner: copies code to {@code out} without comments and collects the literals' contents.
     * It does not know regular-expression literals, so a regex holding a quote or two slashes would confuse it;
     * app.js has none (and this test would then fail loudly rather than pass).
     */
    private static void scan(String js, StringBuilder out, List<String> literals) {
        int i = 0;
        int n = js.length();
        while (i < n) {
            char c = js.charAt(i);
            if (c == '/' && i + 1 < n && js.charAt(i + 1) == '/') {
                while (i < n && js.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && js.charAt(i + 1) == '*') {
                int end = js.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int start = i;
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && js.charAt(i) != c) {
                    if (js.charAt(i) == '\\' && i + 1 < n) {
                        literal.append(js.charAt(i + 1));
                        i += 2;
                    } else {
                        literal.append(js.charAt(i++));
                    }
                }
                i = Math.min(n, i + 1);
                out.append(js, start, i);
                if (literals != null) {
                    literals.add(literal.toString());
                }
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** One element of index.html: its name, attributes, its own (direct) text and how many child elements. */
    record Element(String name, Map<String, String> attributes, StringBuilder text, int[] childCount) {
        Element(String name, Map<String, String> attributes) {
            this(name, attributes, new StringBuilder(), new int[1]);
        }
    }

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style");
    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    /**
     * A rough HTML reader, enough for a hand-written page: tags, attributes, comments, doctype, void and raw-text
     * elements; closing tags close up to the matching open one. Text outside any element is reported.
     */
    static List<Element> parse(String html, List<String> problems) {
        List<Element> all = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        int at = 0;
        while (at < html.length() && m.find(at)) {
            at = m.end();
            if (m.group(4) != null) {
                String text = decode(m.group(4));
                if (open.isEmpty()) {
                    if (!text.isBlank()) {
                        problems.add("text outside any element: \"" + text.strip() + "\"");
                    }
                } else {
                    open.peek().text().append(text);
                }
            } else if (m.group(2) != null) {
                String name = m.group(2).toLowerCase();
                if (m.group(1).equals("/")) {
                    if (open.stream().anyMatch(e -> e.name().equals(name))) {
                        while (!open.pop().name().equals(name)) {
                            // pops the elements left open inside it
                        }
                    }
                    continue;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher a = ATTRIBUTE.matcher(m.group(3));
                while (a.find()) {
                    String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                    attributes.put(a.group(1).toLowerCase(), value == null ? "" : decode(value));
                }
                Element element = new Element(name, attributes);
                all.add(element);
                if (!open.isEmpty()) {
                    open.peek().childCount()[0]++;
                }
                boolean selfClosing = m.group(3).strip().endsWith("/");
                if (RAW_TEXT.contains(name)) {
                    int end = html.toLowerCase().indexOf("</" + name, at);
                    at = end < 0 ? html.length() : html.indexOf('>', end) + 1;
                } else if (!VOID.contains(name) && !selfClosing) {
                    open.push(element);
                }
            } else if (m.group().equals("<")) {
                problems.add("a stray '<' at offset " + m.start());
            }
        }
        return all;
    }

    private static String decode(String text) {
        return text.replace("&nbsp;", "\u00a0").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void theHtmlReaderSeesTextOutsideDataI18nAndNestedElements() {
        List<String> problems = new ArrayList<>();
        List<Element> elements = parse("<!doctype html><p data-i18n=\"a\">A <b>bold</b></p><label><input> Agree</label>"
                + "<script>if (a < b) { x = '<p>'; }</script><button aria-label=\"Go\">", problems);
        assertThat(problems).isEmpty();
        assertThat(elements).extracting(Element::name).containsExactly("p", "b", "label", "input", "script", "button");
        assertThat(elements.get(0).childCount()[0]).isEqualTo(1);
        assertThat(elements.get(1).text().toString()).isEqualTo("bold");
        assertThat(elements.get(2).text().toString().strip()).isEqualTo("Agree");
        assertThat(elements.get(5).attributes()).containsEntry("aria-label", "Go");
        assertThat(new LinkedHashSet<>(literals("const a = 'one two'; // 'not this'\n/* \"nor this\" */ b(\"x\\\"y\");")))
                .containsExactly("one two", "x\"y");
    }
}
