package dev.prescreen.infra;

import dev.prescreen.api.Access;
import dev.prescreen.api.Route;
import dev.prescreen.cloud.LambdaFunction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API: every route of {@link dev.prescreen.api.ApiRoutes}, each integrated with its function's
 * alias, RECRUITER routes behind the JWT authorizer and the others open (a candidate's invitation token
 * in the path is their credential). The default stage is throttled and writes JSON access logs.
 */
public final class ApiConstruct extends Construct {

    static final int RATE_LIMIT = 50;
    static final int BURST_LIMIT = 100;
    static final RetentionDays ACCESS_LOG_RETENTION = RetentionDays.ONE_MONTH;

    /*
     * Route keys, not paths: a candidate route's path carries the invitation token, which must not end up
     * in the logs.
     */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"requestTime\":\"$context.requestTime\",\"ip\":\"$context.identity.sourceIp\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\","
            + "\"latencyMs\":\"$context.responseLatency\",\"integrationLatencyMs\":\"$context.integrationLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}";

    private static final Map<Access, String> OPEN_ROUTE_REASONS = Map.of(
            Access.CANDIDATE, "Candidate route: the invitation token in the path is the candidate's only"
                    + " credential, and the function checks it",
            Access.PARTNER, "Partner route (Greenhouse): HTTP Basic with the organisation's partner key, stored hashed"
                    + " and checked by the function",
            Access.PUBLIC, "Public route (health, public documents): it serves no organisation's data");

    private final HttpApi api;
    private final HttpJwtAuthorizer recruiterAuthorizer;
    private final List<HttpRoute> openRoutes = new ArrayList<>();

    public ApiConstruct(Construct scope, String id, RecruiterIdentity recruiters, String candidatePageOrigin) {
        super(scope, id);
        this.recruiterAuthorizer = recruiters.authorizer();
        this.api = HttpApi.Builder.create(this, "HttpApi")
                .description("prescreen: recruiter and candidate API")
                .createDefaultStage(false)
                // Recruiters' tools call server to server; only the candidate page calls from a browser.
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of(candidatePageOrigin))
                        .allowMethods(List.of(CorsHttpMethod.ANY))
                        .allowHeaders(List.of("content-type", "authorization"))
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(ACCESS_LOG_RETENTION).build();
        HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
    }

    /** The API's base URL, without a trailing slash. */
    public String url() {
        return api.getApiEndpoint();
    }

    public HttpApi api() {
        return api;
    }

    /** Adds every route, integrated with the function (alias) that serves it. */
    public void addRoutes(List<Route> routes, Function<LambdaFunction, IFunction> target) {
        Map<LambdaFunction, HttpLambdaIntegration> integrations = new EnumMap<>(LambdaFunction.class);
        for (Route route : routes) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(),
                    f -> new HttpLambdaIntegration(Names.pascal(f.functionName()) + "Integration", target.apply(f)));
            List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .authorizer(authorizer(route.access()))
                    .build());
            if (route.access() != Access.RECRUITER) {
                openRoutes.addAll(added);
                added.forEach(r -> Nag.acknowledge(r, "AwsSolutions-APIG4", OPEN_ROUTE_REASONS.get(route.access())));
            }
        }
    }

    /** Routes without an authorizer, on purpose: candidate, partner (Basic, checked by the function) and public. */
    public List<HttpRoute> openRoutes() {
        return List.copyOf(openRoutes);
    }

    private IHttpRouteAuthorizer authorizer(Access access) {
        return switch (access) {
            case RECRUITER -> recruiterAuthorizer;
            case CANDIDATE, PARTNER, PUBLIC -> new HttpNoneAuthorizer();
        };
    }
}
