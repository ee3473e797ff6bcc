package dev.prescreen.aws;

import dev.prescreen.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.transcribe.TranscribeClient;

/**
 * The one place that builds AWS clients. Each client is built once, on first use, and shared by every
 * handler in the container. Endpoint overrides come from the SDK's standard variables
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB}, ...), read from the given settings so the
 * local runtime can point every function at the emulators without touching the process environment.
 *
 * <p>S3, SES, Transcribe and Scheduler are optional dependencies of the shared module: a function that
 * never asks for one of them does not need its SDK module in its jar.
 */
public final class AwsClients implements AutoCloseable {

    private static final Object LAMBDA_LOCK = new Object();
    private static volatile AwsClients lambdaInstance;

    private final Settings settings;
    private final Region region;
    private final SdkHttpClient httpClient;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors;

    public AwsClients(Settings settings) {
        this(settings, java.util.List.of());
    }

    /** With interceptors on every client, e.g. to count requests for the cost model. */
    public AwsClients(Settings settings,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = java.util.List.copyOf(interceptors);
        this.region = Region.of(settings.get("AWS_REGION", settings.get("AWS_DEFAULT_REGION", "us-east-1")));
        this.httpClient = UrlConnectionHttpClient.builder().build();
    }

    /** The container-wide instance for Lambda, configured from the process environment. */
    public static AwsClients forLambda() {
        AwsClients instance = lambdaInstance;
        if (instance == null) {
            synchronized (LAMBDA_LOCK) {
                instance = lambdaInstance;
                if (instance == null) {
                    instance = new AwsClients(Settings.fromProcessEnvironment());
                    lambdaInstance = instance;
                }
            }
        }
        return instance;
    }

    public Region region() {
        return region;
    }

    public DynamoDbClient dynamoDb() {
        return client("dynamodb", () -> configure(DynamoDbClient.builder(), "DYNAMODB").build());
    }

    public SqsClient sqs() {
        return client("sqs", () -> configure(SqsClient.builder(), "SQS").build());
    }

    public S3Client s3() {
        return client("s3", () -> configure(S3Client.builder(), "S3").forcePathStyle(s3PathStyle()).build());
    }

    public S3Presigner s3Presigner() {
        return client("s3-presigner", () -> {
            S3Presigner.Builder builder = S3Presigner.builder()
                    .region(region)
                    .credentialsProvider(credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3PathStyle()).build());
            endpoint("S3").ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    public SesV2Client sesV2() {
        return client("sesv2", () -> configure(SesV2Client.builder(), "SESV2").build());
    }

    public TranscribeClient transcribe() {
        return client("transcribe", () -> configure(TranscribeClient.builder(), "TRANSCRIBE").build());
    }

    public SchedulerClient scheduler() {
        return client("scheduler", () -> configure(SchedulerClient.builder(), "SCHEDULER").build());
    }

    @SuppressWarnings("unchecked")
    private <T> T client(String name, Supplier<T> factory) {
        return (T) clients.computeIfAbsent(name, key -> factory.get());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(region).credentialsProvider(credentials()).httpClient(httpClient);
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(c -> c.executionInterceptors(interceptors));
        }
        endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The service's endpoint override, from {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}. */
    public Optional<URI> endpoint(String service) {
        return settings.find("AWS_ENDPOINT_URL_" + service)
                .or(() -> settings.find("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    // Emulators serve buckets by path, not by virtual-host names.
    private boolean s3PathStyle() {
        return endpoint("S3").isPresent();
    }

    private AwsCredentialsProvider credentials() {
        Optional<String> keyId = settings.find("AWS_ACCESS_KEY_ID");
        Optional<String> secret = settings.find("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty() || settings.processEnvironment()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(settings.find("AWS_SESSION_TOKEN")
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                        token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get())));
    }

    @Override
    public void close() {
        clients.values().forEach(client -> {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing at shutdown: nothing left to do with a failure
                }
            }
        });
        httpClient.close();
    }
}
