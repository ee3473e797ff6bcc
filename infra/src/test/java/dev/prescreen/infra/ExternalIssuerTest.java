package dev.prescreen.infra;

import static dev.prescreen.infra.Synthesis.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** With an existing OpenID Connect issuer in the context, the stack trusts it and creates no user pool. */
class ExternalIssuerTest {

    private static final String ISSUER = "https://login.example.org/realms/acme";
    private static final String AUDIENCE = "prescreen-api";

    private static Synthesis synthesis;

    @BeforeAll
    static void synthesise() {
        App app = PrescreenApp.newApp();
        app.getNode().setContext(RecruiterIdentity.ISSUER_CONTEXT, ISSUER);
        app.getNode().setContext(RecruiterIdentity.AUDIENCE_CONTEXT, AUDIENCE);
        synthesis = Synthesis.of(app, PrescreenApp.stack(app, Workspace.locate()));
    }

    @Test
    void theAuthorizerTrustsTheGivenIssuerAndAudience() {
        Map<String, Object> authorizer = map(synthesis.resources("AWS::ApiGatewayV2::Authorizer").values().iterator()
                .next().get("Properties"));
        assertThat(authorizer.get("JwtConfiguration"))
                .isEqualTo(Map.of("Issuer", ISSUER, "Audience", List.of(AUDIENCE)));
    }

    @Test
    void noUserPoolIsCreated() {
        assertThat(synthesis.resources("AWS::Cognito::UserPool")).isEmpty();
        assertThat(synthesis.resources("AWS::Cognito::UserPoolClient")).isEmpty();
        assertThat(map(synthesis.json.get("Outputs"))).doesNotContainKeys("UserPoolId", "UserPoolClientId")
                .containsKeys("ApiUrl", "CandidatePageUrl");
    }
}
