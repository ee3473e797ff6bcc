package dev.prescreen.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cold-start baseline: builds one SDK client, as every function does, and returns. */
public final class BaselineHandler implements RequestHandler<Map<String, Object>, String> {

    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return DYNAMO.serviceName();
    }
}
