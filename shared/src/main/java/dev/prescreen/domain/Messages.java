package dev.prescreen.domain;

import dev.prescreen.domain.email.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's texts for candidates and hiring teams, one catalogue per {@linkplain Languages#SUPPORTED supported
 * language}: {@code messages/<code>.properties} on the class path (UTF-8), read once, checked when read (a syntax
 * error, a duplicate or an empty message fails the load), and never falling back: a missing key is an error
 * ({@link MissingMessageException}), not the English text. The catalogues hold every key of {@code en-US} with the
 * same arguments (MessagesCatalogueTest).
 *
 * <p>The syntax is a small subset of ICU MessageFormat, deliberately not {@link java.text.MessageFormat}: apostrophes
 * are ordinary characters (French and Italian need no {@code ''}), and plurals follow each language's rules (Polish
 * has three forms for whole numbers):
 * <ul>
 *   <li>{@code {name}}: the argument called {@code name}; a number is written in the language's locale;</li>
 *   <li>{@code {name, plural, one {# day} other {# days}}}: the branch for the plural category of the whole number
 *       {@code name} (CLDR cardinal rules, see {@link #category}); {@code #} in a branch is the number, and a branch
 *       may hold arguments of its own. {@code other} is required, and so is each category the language uses for
 *       whole numbers ({@code one}; Polish also {@code few} and {@code many});</li>
 *   <li>braces are reserved (they have no escape and no message needs one); every other character, {@code #}
 *       outside a plural branch included, stands for itself.</li>
 * </ul>
 * Arguments are given by name, as alternating names and values: {@code text("invitation.subject", "role", title)}.
 * An argument the message does not use, or one it uses but is not given, is an error too.
 *
 * <p>{@link #text} is plain text; {@link #html} escapes the message's own text and every argument except
 * {@linkplain #markup markup} built by code, so whatever a candidate or a recruiter wrote is escaped.
 */
public final class Messages {

    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Set<String> CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");

    private final String language;
    private final Locale locale;
    private final String resource;
    private final Map<String, String> templates;
    private final Map<String, List<Node>> parsed;

    private Messages(String language, Map<String, String> templates) {
        this.language = language;
        this.locale = Languages.locale(language);
        this.resource = resource(language);
        this.templates = Collections.unmodifiableMap(new TreeMap<>(templates));
        Map<String, List<Node>> nodes = new LinkedHashMap<>();
        templates.forEach((key, template) -> nodes.put(key, new Parser(key, template).parse()));
        this.parsed = Map.copyOf(nodes);
    }

    /**
     * The catalogue of a supported language, loaded on first use. Null is {@link Languages#DEFAULT}, as for
     * {@link Languages#locale}: plans stored before languages existed were English.
     *
     * @throws IllegalArgumentException for a language that is not supported
     */
    public static Messages of(String language) {
        String code = language == null ? Languages.DEFAULT : language;
        if (!Languages.supported(code)) {
            throw new IllegalArgumentException("no message catalogue for language \"" + code + "\": it "
                    + Languages.refusal());
        }
        return LOADED.computeIfAbsent(code, Messages::load);
    }

    /** A catalogue from templates, without caching: for testing the syntax. */
    static Messages fromTemplates(String language, Map<String, String> templates) {
        return new Messages(language, templates);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** Every key, sorted. */
    public Set<String> keys() {
        return templates.keySet();
    }

    /** A message as the catalogue writes it, unformatted. */
    public String template(String key) {
        String template = templates.get(key);
        if (template == null) {
            throw new MissingMessageException(key, language, resource);
        }
        return template;
    }

    /** The names of the arguments a message uses, plural ones and those inside branches included, sorted. */
    public Set<String> arguments(String key) {
        Set<String> names = new TreeSet<>();
        collect(nodes(key), names);
        return names;
    }

    /** The message as plain text. */
    public String text(String key, Object... namesAndValues) {
        return format(key, false, namesAndValues);
    }

    /** The message as HTML: its text and the arguments escaped, except {@linkplain #markup markup}. */
    public String html(String key, Object... namesAndValues) {
        return format(key, true, namesAndValues);
    }

    /** A date-time formatter from the pattern a message holds (a {@link DateTimeFormatter} pattern), in the locale. */
    public DateTimeFormatter dateTime(String key) {
        return DateTimeFormatter.ofPattern(text(key), locale);
    }

    /** A number written the language's way. */
    public String number(Number value) {
        NumberFormat format = integral(value) ? NumberFormat.getIntegerInstance(locale)
                : NumberFormat.getNumberInstance(locale);
        return format.format(value);
    }

    /**
     * The arguments that formatted {@code text} with this message, when it did: recognises a text stored in this
     * language (such as an English reason in a report) to write it in another. Plain arguments only.
     */
    public Optional<Map<String, String>> match(String key, String text) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Node node : nodes(key)) {
            if (node instanceof Literal literal) {
                regex.append(Pattern.quote(literal.text()));
            } else if (node instanceof Arg arg) {
                regex.append("(.*?)");
                names.add(arg.name());
            } else {
                throw new IllegalArgumentException("message \"" + key + "\" has a plural: it cannot be matched");
            }
        }
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }

    /** HTML that code built (and escaped what it holds): {@link #html} inserts it as it is. */
    public static Markup markup(String html) {
        return new Markup(html);
    }

    /** Trusted HTML for {@link #html}. */
    public record Markup(String html) {
        public Markup {
            if (html == null) {
                throw new IllegalArgumentException("markup is null");
            }
        }
    }

    /** A key the catalogue does not have: a bug in the catalogue or in the code, never papered over. */
    public static final class MissingMessageException extends IllegalStateException {
        MissingMessageException(String key, String language, String resource) {
            super("no message \"" + key + "\" in the " + language + " catalogue (" + resource + ")");
        }
    }

    /**
     * The CLDR cardinal plural category of a whole number in a language: {@code one} or {@code other} in English,
     * German, Dutch, Swedish, Italian and Spanish (one is 1); French and Portuguese (one is 0 and 1); Polish
     * {@code one} (1), {@code few} (2–4, 22–24, ... but not 12–14) or {@code many}. The categories CLDR keeps for
     * millions in the Romance languages ({@code many}) are left to {@code other}.
     */
    public static String category(String language, long n) {
        long abs = Math.abs(n);
        return switch (language.substring(0, 2)) {
            case "fr", "pt" -> abs <= 1 ? "one" : "other";
            case "pl" -> abs == 1 ? "one"
                    : abs % 10 >= 2 && abs % 10 <= 4 && (abs % 100 < 12 || abs % 100 > 14) ? "few" : "many";
            default -> abs == 1 ? "one" : "other";
        };
    }

    /** The categories a plural must have a branch for in a language. */
    public static Set<String> requiredCategories(String language) {
        return language.startsWith("pl") ? Set.of("one", "few", "many", "other") : Set.of("one", "other");
    }

    private List<Node> nodes(String key) {
        List<Node> nodes = parsed.get(key);
        if (nodes == null) {
            throw new MissingMessageException(key, language, resource);
        }
        return nodes;
    }

    private String format(String key, boolean html, Object... namesAndValues) {
        List<Node> nodes = nodes(key);
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("message \"" + key + "\": arguments come as names and values");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("message \"" + key + "\": argument " + (i / 2 + 1) + " has no name");
            }
            if (namesAndValues[i + 1] == null) {
                throw new IllegalArgumentException("message \"" + key + "\": argument \"" + name + "\" is null");
            }
            args.put(name, namesAndValues[i + 1]);
        }
        Set<String> unused = new LinkedHashSet<>(args.keySet());
        unused.removeAll(arguments(key));
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("message \"" + key + "\" in " + language + " does not use " + unused);
        }
        StringBuilder out = new StringBuilder();
        write(key, nodes, args, html, null, out);
        return out.toString();
    }

    private void write(String key, List<Node> nodes, Map<String, Object> args, boolean html, Number hash,
            StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Literal literal) {
                out.append(html ? Html.escape(literal.text()) : literal.text());
            } else if (node instanceof Hash) {
                out.append(html ? Html.escape(number(hash)) : number(hash));
            } else if (node instanceof Arg arg) {
                Object value = value(key, arg.name(), args);
                if (value instanceof Markup markup) {
                    if (!html) {
                        throw new IllegalArgumentException("message \"" + key + "\": markup in plain text");
                    }
                    out.append(markup.html());
                } else {
                    String text = value instanceof Number n ? number(n) : String.valueOf(value);
                    out.append(html ? Html.escape(text) : text);
                }
            } else if (node instanceof Plural plural) {
                Object value = value(key, plural.name(), args);
                if (!(value instanceof Number n) || !integral(n)) {
                    throw new IllegalArgumentException("message \"" + key + "\": \"" + plural.name()
                            + "\" must be a whole number, not " + value);
                }
                List<Node> branch = plural.branches().get(category(language, n.longValue()));
                write(key, branch == null ? plural.branches().get("other") : branch, args, html, n, out);
            }
        }
    }

    private Object value(String key, String name, Map<String, Object> args) {
        Object value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("message \"" + key + "\" in " + language + " needs the argument \""
                    + name + "\"");
        }
        return value;
    }

    private static boolean integral(Number value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static void collect(List<Node> nodes, Set<String> names) {
        for (Node node : nodes) {
            if (node instanceof Arg arg) {
                names.add(arg.name());
            } else if (node instanceof Plural plural) {
                names.add(plural.name());
                plural.branches().values().forEach(branch -> collect(branch, names));
            }
        }
    }

    private static String resource(String language) {
        return "messages/" + language + ".properties";
    }

    private static Messages load(String language) {
        String resource = resource(language);
        Map<String, String> templates = new LinkedHashMap<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (templates.containsKey(key)) {
                    throw new IllegalStateException(resource + ": \"" + key + "\" is defined twice");
                }
                if (value.toString().isBlank()) {
                    throw new IllegalStateException(resource + ": \"" + key + "\" is empty");
                }
                templates.put((String) key, (String) value);
                return null;
            }
        };
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + language + " message catalogue is missing: " + resource);
            }
            // strict UTF-8: a file saved in another encoding fails here instead of showing mojibake in an email
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                properties.load(reader);
            }
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(resource + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return new Messages(language, templates);
    }

    private sealed interface Node permits Literal, Arg, Plural, Hash {
    }

    private record Literal(String text) implements Node {
    }

    private record Arg(String name) implements Node {
    }

    private record Plural(String name, Map<String, List<Node>> branches) implements Node {
    }

    private record Hash() implements Node {
    }

    /** Reads one message; every error names the key and the position. */
    private final class Parser {
        private final String key;
        private final String s;
        private int i;

        Parser(String key, String s) {
            this.key = key;
            this.s = s;
        }

        List<Node> parse() {
            List<Node> nodes = sequence(false);
            if (i < s.length()) {
                throw error("an unmatched }");
            }
            return nodes;
        }

        private List<Node> sequence(boolean branch) {
            List<Node> nodes = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '}') {
                    break;
                }
                if (c == '{' || (branch && c == '#')) {
                    if (!literal.isEmpty()) {
                        nodes.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    i++;
                    nodes.add(c == '#' ? new Hash() : argument());
                } else {
                    literal.append(c);
                    i++;
                }
            }
            if (!literal.isEmpty()) {
                nodes.add(new Literal(literal.toString()));
            }
            return List.copyOf(nodes);
        }

        private Node argument() {
            String name = word();
            if (!NAME.matcher(name).matches()) {
                throw error("an argument name (letters and digits) after {");
            }
            spaces();
            if (next('}')) {
                return new Arg(name);
            }
            if (!next(',') || !word().equals("plural") || !next(',')) {
                throw error("} or \", plural,\" after {" + name);
            }
            Map<String, List<Node>> branches = new LinkedHashMap<>();
            while (true) {
                spaces();
                if (next('}')) {
                    break;
                }
                String category = word();
                if (!CATEGORIES.contains(category)) {
                    throw error("a plural category (" + String.join(", ", new TreeSet<>(CATEGORIES))
                            + "), not \"" + category + "\"");
                }
                if (!category.equals("other") && !requiredCategories(language).contains(category)) {
                    throw error("no \"" + category + "\" branch: " + language + " does not use it for whole numbers");
                }
                spaces();
                if (!next('{')) {
                    throw error("{ after the plural category " + category);
                }
                List<Node> branch = sequence(true);
                if (!next('}')) {
                    throw error("} closing the " + category + " branch");
                }
                if (branches.put(category, branch) != null) {
                    throw error("one " + category + " branch, not two");
                }
            }
            Set<String> missing = new TreeSet<>(requiredCategories(language));
            missing.removeAll(branches.keySet());
            if (!missing.isEmpty()) {
                throw error("the plural {" + name + "} to have the branches " + missing + " (" + language + ")");
            }
            return new Plural(name, Map.copyOf(branches));
        }

        private String word() {
            spaces();
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        private void spaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean next(char c) {
            spaces();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException(resource + ": message \"" + key + "\" expects " + expected
                    + " at character " + i + ": " + s);
        }
    }
}
