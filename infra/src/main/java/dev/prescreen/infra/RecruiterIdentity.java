package dev.prescreen.infra;

import dev.prescreen.api.Claims;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.ICustomAttribute;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.constructs.Construct;

/**
 * Who issues recruiters' JWTs. By default the stack creates a Cognito user pool whose users carry their
 * organisation in {@code custom:org}; with the context values {@value #ISSUER_CONTEXT} and
 * {@value #AUDIENCE_CONTEXT} an existing OpenID Connect issuer is used instead and no pool is created.
 */
public final class RecruiterIdentity extends Construct {

    public static final String ISSUER_CONTEXT = "jwtIssuer";
    public static final String AUDIENCE_CONTEXT = "jwtAudience";
    static final String ORGANISATION_ATTRIBUTE = Claims.ORGANISATION.substring("custom:".length());

    private final String issuer;
    private final String audience;
    private final Optional<UserPool> userPool;

    public RecruiterIdentity(Construct scope, String id) {
        super(scope, id);
        Optional<String> externalIssuer = context(ISSUER_CONTEXT);
        if (externalIssuer.isPresent()) {
            this.issuer = externalIssuer.get();
            this.audience = context(AUDIENCE_CONTEXT).orElseThrow(() -> new IllegalArgumentException(
                    "context " + ISSUER_CONTEXT + " needs " + AUDIENCE_CONTEXT + " too"));
            this.userPool = Optional.empty();
            return;
        }
        UserPool pool = createUserPool();
        // Recruiters and their tools sign in with SRP; the client cannot write the organisation attribute.
        UserPoolClient client = pool.addClient("ApiClient", UserPoolClientOptions.builder()
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .readAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder()
                                .email(true).emailVerified(true).build())
                        .withCustomAttributes(ORGANISATION_ATTRIBUTE))
                .writeAttributes(new ClientAttributes())
                .build());
        Nag.acknowledge(pool, "AwsSolutions-COG2", "MFA is offered (TOTP) but not required: recruiters' tools"
                + " such as an ATS sign in without a person present");
        Nag.acknowledge(pool, "AwsSolutions-COG3", "Threat protection needs Cognito's Plus plan, billed per"
                + " active user; self-hosters may enable it. Accounts are admin-created and sign-up is off");
        this.issuer = "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
        this.audience = client.getUserPoolClientId();
        this.userPool = Optional.of(pool);
        CfnOutput.Builder.create(Stack.of(this), "UserPoolId").value(pool.getUserPoolId())
                .description("Cognito user pool of recruiters (admin-created, with custom:org)").build();
        CfnOutput.Builder.create(Stack.of(this), "UserPoolClientId").value(client.getUserPoolClientId())
                .description("App client recruiters' tools sign in with; the JWT audience").build();
    }

    /** The authorizer of the RECRUITER routes: API Gateway verifies the token before the function runs. */
    public HttpJwtAuthorizer authorizer() {
        return HttpJwtAuthorizer.Builder.create("RecruiterJwt", issuer)
                .jwtAudience(List.of(audience))
                .identitySource(List.of("$request.header.Authorization"))
                .build();
    }

    public Optional<UserPool> userPool() {
        return userPool;
    }

    private UserPool createUserPool() {
        // The organisation is set when an administrator creates the recruiter and can never change: it is
        // what isolates one organisation's data from another's.
        Map<String, ICustomAttribute> custom = Map.of(ORGANISATION_ATTRIBUTE,
                StringAttribute.Builder.create().minLen(1).maxLen(64).mutable(false).build());
        return UserPool.Builder.create(this, "Recruiters")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .customAttributes(custom)
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12).requireLowercase(true).requireUppercase(true).requireDigits(true)
                        .requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private Optional<String> context(String key) {
        return Optional.ofNullable(getNode().tryGetContext(key)).map(Object::toString).filter(v -> !v.isBlank());
    }
}
