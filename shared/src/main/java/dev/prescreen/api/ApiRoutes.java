package dev.prescreen.api;

import static dev.prescreen.api.Access.RECRUITER;

import dev.prescreen.cloud.LambdaFunction;
import java.util.List;

/** Every route of the HTTP API, declared once for the CDK stack and the local runtime. */
public final class ApiRoutes {

    private static final List<Route> ALL = List.of(
            new Route("GET", "/me", LambdaFunction.PLANS_API, RECRUITER));

    private ApiRoutes() {
    }

    public static List<Route> all() {
        return ALL;
    }
}
