package dev.prescreen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One strict way to read every route's body: no coercion, no duplicates, nothing after the JSON, valid text. */
class ApiRequestTest {

    record Input(Integer passThreshold, String roleTitle, Boolean enabled, Double weight) {
    }

    private static ApiRequest request(String body, String contentType) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false)
                .withHeaders(contentType == null ? Map.of() : Map.of("Content-Type", contentType)).build());
    }

    private static FieldError refusal(String body) {
        return refusal(request(body, "application/json"));
    }

    private static FieldError refusal(ApiRequest request) {
        try {
            request.json(Input.class);
        } catch (DomainException.InvalidInput e) {
            return e.errors().get(0);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void wellFormedBodiesAreRead() {
        Input input = request("{\"passThreshold\":60,\"roleTitle\":\"Backend\",\"enabled\":true,\"weight\":2}",
                "application/json; charset=utf-8").json(Input.class);
        assertThat(input).isEqualTo(new Input(60, "Backend", true, 2.0));
    }

    @Test
    void noValueIsConvertedToAnotherType() {
        assertThat(refusal("{\"passThreshold\":\"60\"}").field()).isEqualTo("passThreshold");
        assertThat(refusal("{\"passThreshold\":60.5}").field()).isEqualTo("passThreshold");
        assertThat(refusal("{\"roleTitle\":42}").field()).isEqualTo("roleTitle");
        assertThat(refusal("{\"enabled\":\"true\"}").field()).isEqualTo("enabled");
        assertThat(refusal("{\"enabled\":1}").field()).isEqualTo("enabled");
    }

    @Test
    void numbersOutOfRangeNameTheirField() {
        for (String big : List.of("2147483648", "18446744073709551616", "1e400")) {
            FieldError error = refusal("{\"passThreshold\":" + big + "}");
            assertThat(error.field()).as(big).isEqualTo("passThreshold");
            assertThat(error.reason()).as(big).isEqualTo("is out of range");
        }
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThat(refusal("{\"passThreshold\":60,\"passThreshold\":61}"))
                .isEqualTo(new FieldError("passThreshold", "appears more than once"));
        assertThat(refusal("{\"passThreshold\":60} trailing").field()).isEqualTo("body");
        assertThat(refusal("{\"passThreshold\":60}}").field()).isEqualTo("body");
    }

    @Test
    void theContentTypeIsRequired() {
        assertThat(refusal(request("{\"passThreshold\":60}", null)).field()).isEqualTo("content-type");
        assertThat(refusal(request("{\"passThreshold\":60}", "text/plain")).field()).isEqualTo("content-type");
    }

    @Test
    void textMustBeWellFormedUnicode() {
        assertThat(refusal("{\"roleTitle\":\"a\\ud800b\"}")).isEqualTo(new FieldError("roleTitle",
                "contains an unpaired surrogate (not valid Unicode)"));
        assertThat(refusal("{\"roleTitle\":\"a\\u0000b\"}").reason()).contains("NUL");
        String latin1 = Base64.getEncoder().encodeToString("{\"roleTitle\":\"Caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        ApiRequest binary = new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(latin1).withIsBase64Encoded(true)
                .withHeaders(Map.of("content-type", "application/json")).build());
        assertThat(refusal(binary)).isEqualTo(new FieldError("body", "is not valid UTF-8"));
    }

    @Test
    void aTokenWithoutAnOrganisationIsUnauthorized() {
        assertThatThrownBy(() -> request("{}", "application/json").organisation())
                .isInstanceOf(DomainException.Unauthorized.class);
    }

    private static ApiRequest withOrganisation(String organisation, String requestId) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(requestId)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(Claims.ORGANISATION, organisation)).build()).build())
                        .build()).build());
    }

    @Test
    void theOrganisationPrimingReadsIsReservedForPrimingsOwnRequests() {
        // a recruiter's token naming it (API Gateway sets the request id) sees nothing and can create nothing there
        assertThatThrownBy(() -> withOrganisation("prescreen-priming", "Jx1vQhXsoAMEbYw=").organisation())
                .isInstanceOf(DomainException.Unauthorized.class);
        assertThat(withOrganisation("prescreen-priming", "prescreen-priming-plans-api-1").organisation())
                .isEqualTo("prescreen-priming");
        assertThat(withOrganisation("acme", "Jx1vQhXsoAMEbYw=").organisation()).isEqualTo("acme");
    }
}
