package dev.prescreen.api;

import static dev.prescreen.api.Access.CANDIDATE;
import static dev.prescreen.api.Access.PARTNER;
import static dev.prescreen.api.Access.RECRUITER;

import dev.prescreen.cloud.LambdaFunction;
import java.util.List;

/** Every route of the HTTP API, declared once for the CDK stack and the local runtime. */
public final class ApiRoutes {

    private static final List<Route> ALL = List.of(
            new Route("GET", "/me", LambdaFunction.PLANS_API, RECRUITER),
            new Route("GET", "/question-banks", LambdaFunction.PLANS_API, RECRUITER),
            new Route("GET", "/question-banks/{role}", LambdaFunction.PLANS_API, RECRUITER),
            new Route("POST", "/plans", LambdaFunction.PLANS_API, RECRUITER),
            new Route("GET", "/plans", LambdaFunction.PLANS_API, RECRUITER),
            new Route("GET", "/plans/{planId}", LambdaFunction.PLANS_API, RECRUITER),
            new Route("PATCH", "/plans/{planId}", LambdaFunction.PLANS_API, RECRUITER),
            new Route("DELETE", "/plans/{planId}", LambdaFunction.PLANS_API, RECRUITER),
            new Route("POST", "/plans/{planId}/batches", LambdaFunction.BATCHES_API, RECRUITER),
            new Route("GET", "/plans/{planId}/batches/{batchId}", LambdaFunction.BATCHES_API, RECRUITER),
            new Route("DELETE", "/plans/{planId}/batches/{batchId}", LambdaFunction.BATCHES_API, RECRUITER),
            new Route("GET", "/interviews/{interviewId}/report", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("POST", "/interviews/{interviewId}/reviews", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("GET", "/plans/{planId}/candidates", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("GET", "/plans/{planId}/candidates.csv", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("GET", "/usage", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("DELETE", "/candidates/{candidateId}", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("GET", "/candidates/{candidateId}/export", LambdaFunction.REPORTS_API, RECRUITER),
            new Route("GET", "/organisation/settings", LambdaFunction.PLANS_API, RECRUITER),
            new Route("PATCH", "/organisation/settings", LambdaFunction.PLANS_API, RECRUITER),
            new Route("GET", "/plans/{planId}/impact-ratios", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/plans/{planId}/impact-ratios.csv", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/impact-ratios", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/impact-ratios.csv", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/audit", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/alternative-requests", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/alternative-requests/{requestId}", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("POST", "/alternative-requests/{requestId}/resolution", LambdaFunction.COMPLIANCE_API,
                    RECRUITER),
            new Route("PUT", "/interviews/{interviewId}/accommodation", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("GET", "/interviews/{interviewId}/explanation", LambdaFunction.COMPLIANCE_API, RECRUITER),
            new Route("POST", "/webhooks", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("GET", "/webhooks", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("GET", "/webhooks/{webhookId}", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("PATCH", "/webhooks/{webhookId}", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("DELETE", "/webhooks/{webhookId}", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("POST", "/webhooks/{webhookId}/secret", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("GET", "/webhooks/{webhookId}/deliveries", LambdaFunction.WEBHOOKS_API, RECRUITER),
            new Route("POST", "/integrations/greenhouse/keys", LambdaFunction.GREENHOUSE_API, RECRUITER),
            new Route("GET", "/integrations/greenhouse/keys", LambdaFunction.GREENHOUSE_API, RECRUITER),
            new Route("DELETE", "/integrations/greenhouse/keys/{keyId}", LambdaFunction.GREENHOUSE_API, RECRUITER),
            new Route("GET", "/integrations/greenhouse/list_tests", LambdaFunction.GREENHOUSE_API, PARTNER),
            new Route("POST", "/integrations/greenhouse/send_test", LambdaFunction.GREENHOUSE_API, PARTNER),
            new Route("GET", "/integrations/greenhouse/test_status", LambdaFunction.GREENHOUSE_API, PARTNER),
            new Route("POST", "/integrations/greenhouse/response_error", LambdaFunction.GREENHOUSE_API, PARTNER),
            new Route("POST", "/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", LambdaFunction.WEBHOOKS_API,
                    RECRUITER),
            new Route("GET", "/sessions/{token}", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/consent", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("GET", "/sessions/{token}/question", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/answers/{answerId}/upload-url", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/answers/{answerId}/retake", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("PUT", "/sessions/{token}/answers/{answerId}/integrity", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/answers/{answerId}", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/finish", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/self-identification", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("POST", "/sessions/{token}/alternative-requests", LambdaFunction.SESSION_API, CANDIDATE),
            new Route("GET", "/sessions/{token}/explanation", LambdaFunction.SESSION_API, CANDIDATE));

    private ApiRoutes() {
    }

    public static List<Route> all() {
        return ALL;
    }
}
