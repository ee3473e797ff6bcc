package dev.prescreen.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Text;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Refuses request bodies holding text that is not well-formed Unicode, naming the field. */
final class StrictText {

    private StrictText() {
    }

    static void requireWellFormed(JsonNode node, String path) {
        if (node.isTextual()) {
            Optional<String> problem = Text.problem(node.textValue());
            if (problem.isPresent()) {
                throw new DomainException.InvalidInput(path.isEmpty() ? "body" : path, problem.get());
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (Text.problem(field.getKey()).isPresent()) {
                    throw new DomainException.InvalidInput("body", "has a field name that is not valid Unicode");
                }
                requireWellFormed(field.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireWellFormed(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i);
            }
        }
    }
}
