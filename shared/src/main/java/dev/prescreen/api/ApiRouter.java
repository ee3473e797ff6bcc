package dev.prescreen.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.domain.DomainException;
import dev.prescreen.observability.Log;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends each request to the action registered for its route key and turns domain refusals into problem
 * responses, so that no bad input ever becomes a 500.
 */
public final class ApiRouter {

    private final Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions;

    private ApiRouter(Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions) {
        this.actions = Map.copyOf(actions);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static final java.util.Set<String> RECRUITER_ROUTES = ApiRoutes.all().stream()
            .filter(route -> route.access() == Access.RECRUITER).map(Route::routeKey)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        ApiRequest request = new ApiRequest(event);
        // an event without a route key (not from API Gateway) names no route
        Function<ApiRequest, APIGatewayV2HTTPResponse> action = request.routeKey() == null ? null
                : actions.get(request.routeKey());
        if (action == null) {
            return ApiResponses.problem(404, "Not Found", "no such route", List.of());
        }
        try {
            if (RECRUITER_ROUTES.contains(request.routeKey())) {
                request.organisation(); // a verified token without an organisation sees nothing: 401, on every route
            }
            return action.apply(request);
        } catch (DomainException.InvalidInput e) {
            return ApiResponses.problem(400, "Bad Request", e.getMessage(), e.errors());
        } catch (DomainException.NotFound e) {
            return ApiResponses.problem(404, "Not Found", e.getMessage(), e.errors());
        } catch (DomainException.Conflict | DomainException.WriteConflict e) {
            return ApiResponses.problem(409, "Conflict", e.getMessage(), e.errors());
        } catch (DomainException.Unauthorized e) {
            return ApiResponses.problem(401, "Unauthorized", e.getMessage(), e.errors());
        } catch (DomainException.Gone e) {
            return ApiResponses.problem(410, "Gone", e.getMessage(), e.errors());
        } catch (RuntimeException e) {
            Log.error("api.unhandled", Map.of("route", request.routeKey(), "requestId", request.requestId()), e);
            return ApiResponses.problem(500, "Internal Server Error",
                    "unexpected error; quote request id " + request.requestId(), List.of());
        }
    }

    public static final class Builder {
        private final Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions = new HashMap<>();

        /** Registers the action for a route key of {@link ApiRoutes}, e.g. {@code GET /plans/{planId}}. */
        public Builder on(String routeKey, Function<ApiRequest, APIGatewayV2HTTPResponse> action) {
            if (ApiRoutes.all().stream().noneMatch(route -> route.routeKey().equals(routeKey))) {
                throw new IllegalArgumentException("route " + routeKey + " is not declared in ApiRoutes");
            }
            actions.put(routeKey, action);
            return this;
        }

        public ApiRouter build() {
            return new ApiRouter(actions);
        }
    }
}
