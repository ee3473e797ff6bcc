package dev.prescreen.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
 *       {@code name} (CLDR cardinal rules, see {@link #category}; the table is {@link PluralRules}); {@code #} in a
 *       branch is the number, and a branch may hold arguments of its own. {@code other} is required, and so is each
 *       category the language uses for whole numbers ({@code one}; Polish also {@code few} and {@code many});</li>
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

    private final String language;
    private final Locale locale;
    private final String resource;
    private final Map<String, String> templates;
    private final Map<String, MessageTemplate> parsed;

    private Messages(String language, Map<String, String> templates) {
        this.language = language;
        this.locale = Languages.locale(language);
        this.resource = resource(language);
        this.templates = Collections.unmodifiableMap(new TreeMap<>(templates));
        Map<String, MessageTemplate> byKey = new LinkedHashMap<>();
        templates.forEach((key, template) -> byKey.put(key, MessageTemplate.parse(resource, language, key, template)));
        this.parsed = Map.copyOf(byKey);
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
        return parsed(key).arguments();
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
        return MessageTemplate.number(value, locale);
    }

    /**
     * The arguments that formatted {@code text} with this message, when it did: recognises a text stored in this
     * language (such as an English reason in a report) to write it in another. Plain arguments only.
     */
    public Optional<Map<String, String>> match(String key, String text) {
        return parsed(key).match(text);
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
        return PluralRules.category(language, n);
    }

    /** The categories a plural must have a branch for in a language. */
    public static Set<String> requiredCategories(String language) {
        return PluralRules.requiredCategories(language);
    }

    private MessageTemplate parsed(String key) {
        MessageTemplate message = parsed.get(key);
        if (message == null) {
            throw new MissingMessageException(key, language, resource);
        }
        return message;
    }

    private String format(String key, boolean html, Object... namesAndValues) {
        MessageTemplate message = parsed(key);
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
        unused.removeAll(message.arguments());
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("message \"" + key + "\" in " + language + " does not use " + unused);
        }
        return message.format(args, html);
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
}
