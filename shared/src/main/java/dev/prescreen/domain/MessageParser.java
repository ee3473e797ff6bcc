package dev.prescreen.domain;

import dev.prescreen.domain.MessageTemplate.Arg;
import dev.prescreen.domain.MessageTemplate.Hash;
import dev.prescreen.domain.MessageTemplate.Literal;
import dev.prescreen.domain.MessageTemplate.Node;
import dev.prescreen.domain.MessageTemplate.Plural;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one message of a catalogue into {@linkplain MessageTemplate.Node parts}, checking its plurals against the
 * language's {@linkplain PluralRules rules}: every error names the catalogue, the key and the position, so a broken
 * catalogue fails when it loads.
 */
final class MessageParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final String resource;
    private final String language;
    private final String key;
    private final String s;
    private int i;

    MessageParser(String resource, String language, String key, String s) {
        this.resource = resource;
        this.language = language;
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
            if (!PluralRules.CATEGORIES.contains(category)) {
                throw error("a plural category (" + String.join(", ", new TreeSet<>(PluralRules.CATEGORIES))
                        + "), not \"" + category + "\"");
            }
            if (!category.equals("other") && !PluralRules.requiredCategories(language).contains(category)) {
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
        Set<String> missing = new TreeSet<>(PluralRules.requiredCategories(language));
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
