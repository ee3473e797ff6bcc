package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.prescreen.local.cloud.ProjectLayout;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Set;

/** docs/openapi.yaml, read by swagger-parser; real responses are checked against it with JSON Schema 2020-12. */
final class OpenApiContract {

    private static final OpenAPI DOCUMENT = load();

    private OpenApiContract() {
    }

    static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readLocation(
                ProjectLayout.root().resolve("docs/openapi.yaml").toUri().toString(), null, options);
    }

    private static OpenAPI load() {
        SwaggerParseResult result = parse();
        assertThat(result.getMessages()).as("openapi.yaml parse messages").isEmpty();
        return result.getOpenAPI();
    }

    static OpenAPI document() {
        return DOCUMENT;
    }

    static Operation operation(String method, String path) {
        PathItem item = DOCUMENT.getPaths().get(path);
        assertThat(item).as("path %s in openapi.yaml", path).isNotNull();
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        assertThat(operation).as("%s %s in openapi.yaml", method, path).isNotNull();
        return operation;
    }

    /** Fails unless the status is documented for the route and the body matches the documented schema. */
    static void check(String method, String path, int status, String contentType, JsonNode body) {
        ApiResponse response = operation(method, path).getResponses().get(Integer.toString(status));
        assertThat(response).as("status %d of %s %s documented", status, method, path).isNotNull();
        if (response.getContent() == null || body == null) {
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        MediaType documented = response.getContent().get(mediaType);
        assertThat(documented).as("content type %s of %d %s %s documented", mediaType, status, method, path)
                .isNotNull();
        JsonNode schema = Json31.mapper().valueToTree(documented.getSchema());
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        Set<ValidationMessage> problems = validator.validate(body);
        assertThat(problems).as("%s %s %d body %s against its schema", method, path, status, body).isEmpty();
    }

    static List<String> documentedRouteKeys() {
        return DOCUMENT.getPaths().entrySet().stream()
                .flatMap(e -> e.getValue().readOperationsMap().keySet().stream()
                        .map(method -> method.name() + " " + e.getKey()))
                .toList();
    }
}
