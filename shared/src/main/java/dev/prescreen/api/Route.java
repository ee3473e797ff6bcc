package dev.prescreen.api;

import dev.prescreen.cloud.LambdaFunction;
import java.util.List;

/** An HTTP API route: method and path template (API Gateway syntax, {@code /plans/{planId}}). */
public record Route(String method, String path, LambdaFunction function, Access access) {

    /** API Gateway's route key, e.g. {@code GET /plans/{planId}}. */
    public String routeKey() {
        return method + " " + path;
    }

    public List<String> segments() {
        return List.of(path.substring(1).split("/"));
    }
}
