package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.api.ApiRoutes;
import dev.prescreen.api.Route;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    @Test
    void theDocumentParsesWithoutMessagesAndIsOpenApi31() {
        var result = OpenApiContract.parse();
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        var declared = ApiRoutes.all().stream().map(Route::routeKey).toList();
        var documented = OpenApiContract.documentedRouteKeys().stream()
                .filter(key -> !key.equals("GET /health")).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void eachRouteIsDocumentedWithTheCredentialItTakes() {
        for (Route route : ApiRoutes.all()) {
            var security = OpenApiContract.operation(route.method(), route.path()).getSecurity();
            String documented = security == null ? "recruiterJwt (the default)"
                    : security.isEmpty() ? "none" : String.join(",", security.get(0).keySet());
            String expected = switch (route.access()) {
                case RECRUITER -> "recruiterJwt (the default)";
                case PARTNER -> "partnerBasic";
                case CANDIDATE, PUBLIC -> "none";
            };
            assertThat(documented).as(route.routeKey()).isEqualTo(expected);
        }
    }
}
