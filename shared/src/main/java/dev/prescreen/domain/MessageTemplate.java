package dev.prescreen.domain;

import dev.prescreen.domain.email.Html;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of a {@link Messages} catalogue, read into its parts (text, arguments, plurals) once when the catalogue
 * loads, and written with arguments in the catalogue's language. The syntax is described on {@link Messages}; a
 * message that breaks it fails the load, with an error naming the catalogue, the key and the position.
 */
final class MessageTemplate {

    private final String key;
    private final String language;
    private final Locale locale;
    private final List<Node> nodes;

    private MessageTemplate(String key, String language, List<Node> nodes) {
        this.key = key;
        this.language = language;
        this.locale = Languages.locale(language);
        this.nodes = nodes;
    }

    /**
     * Reads a message of the catalogue {@code resource}.
     *
     * @throws IllegalStateException when the message breaks the syntax or lacks a branch its language needs
     */
    static MessageTemplate parse(String resource, String language, String key, String template) {
        return new MessageTemplate(key, language, new MessageParser(resource, language, key, template).parse());
    }

    /** The names of the arguments the message uses, plural ones and those inside branches included, sorted. */
    Set<String> arguments() {
        Set<String> names = new TreeSet<>();
        collect(nodes, names);
        return names;
    }

    /** The message with its arguments, as plain text or as HTML (escaped but for {@link Messages.Markup}). */
    String format(Map<String, Object> args, boolean html) {
        StringBuilder out = new StringBuilder();
        write(nodes, args, html, null, out);
        return out.toString();
    }

    /** The plain arguments that formatted {@code text} with this message, when it did. */
    Optional<Map<String, String>> match(String text) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Node node : nodes) {
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

    /** A number written the locale's way: whole numbers without decimals. */
    static String number(Number value, Locale locale) {
        NumberFormat format = integral(value) ? NumberFormat.getIntegerInstance(locale)
                : NumberFormat.getNumberInstance(locale);
        return format.format(value);
    }

    private void write(List<Node> nodes, Map<String, Object> args, boolean html, Number hash, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Literal literal) {
                out.append(html ? Html.escape(literal.text()) : literal.text());
            } else if (node instanceof Hash) {
                String number = number(hash, locale);
                out.append(html ? Html.escape(number) : number);
            } else if (node instanceof Arg arg) {
                Object value = value(arg.name(), args);
                if (value instanceof Messages.Markup markup) {
                    if (!html) {
                        throw new IllegalArgumentException("message \"" + key + "\": markup in plain text");
                    }
                    out.append(markup.html());
                } else {
                    String text = value instanceof Number n ? number(n, locale) : String.valueOf(value);
                    out.append(html ? Html.escape(text) : text);
                }
            } else if (node instanceof Plural plural) {
                Object value = value(plural.name(), args);
                if (!(value instanceof Number n) || !integral(n)) {
                    throw new IllegalArgumentException("message \"" + key + "\": \"" + plural.name()
                            + "\" must be a whole number, not " + value);
                }
                List<Node> branch = plural.branches().get(PluralRules.category(language, n.longValue()));
                write(branch == null ? plural.branches().get("other") : branch, args, html, n, out);
            }
        }
    }

    private Object value(String name, Map<String, Object> args) {
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

    /** The parts of a message, as {@link MessageParser} reads them. */
    sealed interface Node permits Literal, Arg, Plural, Hash {
    }

    record Literal(String text) implements Node {
    }

    record Arg(String name) implements Node {
    }

    record Plural(String name, Map<String, List<Node>> branches) implements Node {
    }

    /** {@code #} in a plural branch: the number the plural was chosen by. */
    record Hash() implements Node {
    }
}
