package dev.prescreen.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The candidate page: static files in a private bucket, served by CloudFront through Origin Access
 * Control under {@value #PATH}, the same path the local runtime serves it on. The page reads the API's
 * URL from {@code config.json}, written next to it at deployment.
 */
public final class CandidatePageConstruct extends Construct {

    public static final String PATH = "/interview/";
    static final String CONFIG_FILE = "config.json";
    /*
     * Deployments do not invalidate the cache (that needs cloudfront:CreateInvalidation on "*"); objects
     * carry a short max-age instead, so a new page is live within minutes.
     */
    static final Duration BROWSER_CACHE = Duration.minutes(5);
    /** The copy streams a few small files through the AWS CLI; 256 MB keeps it quick. */
    static final int DEPLOYMENT_MEMORY_MB = 256;

    /** Any path under the page without a file extension is the page itself (its links carry the token). */
    private static final String ROUTE_TO_PAGE = """
            function handler(event) {
              var request = event.request;
              var uri = request.uri;
              if (uri.indexOf('%1$s') === 0 && uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
                request.uri = '%1$sindex.html';
              }
              return request;
            }
            """.formatted(PATH);

    private static final String DEPLOYMENT_HANDLER_PREFIX = "Custom::CDKBucketDeployment";
    private static final Map<String, String> DEPLOYMENT_HANDLER_FINDINGS = Map.of(
            "AwsSolutions-IAM4", "CDK's deployment handler logs with the basic execution policy; it runs only"
                    + " during deployments",
            "AwsSolutions-IAM5", "CDK's deployment handler reads the staged asset and replaces the page's"
                    + " objects, which needs object wildcards on those two buckets only",
            "AwsSolutions-L1", "CDK pins the deployment handler's runtime with each aws-cdk-lib release",
            "Serverless-LambdaLatestVersion", "The deployment handler's runtime is the one aws-cdk-lib was tested"
                    + " with; upgrading aws-cdk-lib upgrades it",
            "Serverless-LambdaDLQ", "CloudFormation invokes the deployment handler and reports its failure",
            "Serverless-LambdaTracing", "The deployment handler runs only during deployments; CloudFormation"
                    + " events record it");

    private final Bucket bucket;
    private final Distribution distribution;

    public CandidatePageConstruct(Construct scope, String id, IBucket accessLogs) {
        super(scope, id);
        this.bucket = new Bucket(this, "Files", SecureBuckets.privateBucket()
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("candidate-page/")
                .build());
        var routeToPage = software.amazon.awscdk.services.cloudfront.Function.Builder.create(this, "RouteToPage")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(ROUTE_TO_PAGE))
                .comment("Serves the candidate page for every path under " + PATH)
                .build();
        this.distribution = Distribution.Builder.create(this, "Distribution")
                .comment("prescreen candidate page")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_ALL)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .function(routeToPage)
                                .build()))
                        .build())
                .build();
        Nag.acknowledge(distribution, "AwsSolutions-CFR1",
                "Candidates apply from anywhere; the page is the same static files for every country");
        Nag.acknowledge(distribution, "AwsSolutions-CFR2", "Static files only, cached at the edge; every"
                + " request with an effect goes to the HTTP API, which is throttled");
        Nag.acknowledge(distribution, "AwsSolutions-CFR3", "Static files only: the candidate's every action is"
                + " an API request and is in the API's access log; CloudFront standard logs would need an ACL bucket");
        Nag.acknowledge(distribution, "AwsSolutions-CFR4", "Served on the default *.cloudfront.net certificate,"
                + " whose TLS policy CloudFront fixes; a custom domain with TLSv1.2_2021 is a deployment choice");
    }

    /** The origin browsers load the page from: what the API and the recordings bucket admit for CORS. */
    public String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    public String url() {
        return origin() + PATH;
    }

    /** Uploads the page's files and its configuration (the API URL) under {@value #PATH}. */
    public void publish(Path folder, String apiUrl) {
        BucketDeployment.Builder.create(this, "Deployment")
                .sources(List.of(Source.asset(folder.toString()),
                        Source.jsonData(CONFIG_FILE, Map.of("apiUrl", apiUrl))))
                .destinationBucket(bucket)
                .destinationKeyPrefix(PATH.substring(1))
                .memoryLimit(DEPLOYMENT_MEMORY_MB)
                .cacheControl(List.of(CacheControl.setPublic(), CacheControl.maxAge(BROWSER_CACHE)))
                .build();
        acknowledgeDeploymentHandler();
    }

    /** The copy runs in a Lambda function that CDK provides (one per stack) and configures itself. */
    private void acknowledgeDeploymentHandler() {
        Stack stack = Stack.of(this);
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child.getNode().getId().startsWith(DEPLOYMENT_HANDLER_PREFIX)) {
                DEPLOYMENT_HANDLER_FINDINGS.forEach((rule, reason) -> Nag.acknowledge(child, rule, reason));
            }
        }
    }
}
