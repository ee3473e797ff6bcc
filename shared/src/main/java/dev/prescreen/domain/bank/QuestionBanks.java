package dev.prescreen.domain.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Languages;
import dev.prescreen.scoring.QuestionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The question banks shipped as data on the classpath: {@code question-banks/index.json} lists the bank files,
 * one per role and language. Loaded once per JVM.
 */
public final class QuestionBanks {

    public static final String INDEX_RESOURCE = "question-banks/index.json";

    private final List<QuestionBank> banks;

    public QuestionBanks(List<QuestionBank> banks) {
        this.banks = List.copyOf(banks);
    }

    private static final class Holder {
        static final QuestionBanks BUILT_IN = load();
    }

    /** The banks on the classpath, loaded once. */
    public static QuestionBanks builtIn() {
        return Holder.BUILT_IN;
    }

    public List<QuestionBank> all() {
        return banks;
    }

    /** The role's bank in a language (each language has its own, written for recruiters in that country). */
    public Optional<QuestionBank> find(String role, String language) {
        return banks.stream().filter(b -> b.role().equalsIgnoreCase(role) && b.language().equals(language)).findFirst();
    }

    /**
     * The role's bank in a language a recruiter asked for: 404 for an unknown role, 400 naming {@code language} for a
     * language the product does not support or the role's bank is not written in.
     */
    public QuestionBank require(String role, String language) {
        if (!Languages.supported(language)) {
            throw new DomainException.InvalidInput("language", Languages.refusal());
        }
        if (!knows(role)) {
            throw new DomainException.NotFound("question bank");
        }
        return find(role, language).orElseThrow(() -> new DomainException.InvalidInput("language",
                "the " + role + " bank is written in " + String.join(", ", languages(role)) + " only"));
    }

    /** Whether the role has a bank in any language. */
    public boolean knows(String role) {
        return banks.stream().anyMatch(b -> b.role().equalsIgnoreCase(role));
    }

    /** The languages the role's bank is written in, in the index's order. */
    public List<String> languages(String role) {
        return banks.stream().filter(b -> b.role().equalsIgnoreCase(role)).map(QuestionBank::language).toList();
    }

    private static QuestionBanks load() {
        ObjectMapper mapper = new ObjectMapper();
        List<QuestionBank> banks = new ArrayList<>();
        for (JsonNode entry : read(mapper, INDEX_RESOURCE).path("banks")) {
            banks.add(parse(read(mapper, entry.path("file").asText())));
        }
        return new QuestionBanks(banks);
    }

    /** Parses one bank document (the format of {@code question-banks/backend-engineer.json}). */
    public static QuestionBank parse(JsonNode root) {
        Map<QuestionType, TypeGuidance> types = new EnumMap<>(QuestionType.class);
        root.path("types").fields().forEachRemaining(e -> types.put(QuestionType.fromLabel(e.getKey()),
                new TypeGuidance(e.getValue().path("lookFor").asText(), e.getValue().path("redFlag").asText())));
        List<BankQuestion> questions = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            List<String> concepts = new ArrayList<>();
            q.path("concepts").forEach(c -> concepts.add(c.asText()));
            questions.add(new BankQuestion(q.path("number").asInt(), q.path("text").asText(),
                    QuestionType.fromLabel(q.path("type").asText()), concepts));
        }
        return new QuestionBank(root.path("role").asText(), root.path("title").asText(),
                root.path("language").asText(), types, questions);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = QuestionBanks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
