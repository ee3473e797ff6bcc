package dev.prescreen.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import java.util.Map;

/**
 * The CDK app ({@code cdk.json}): one stack, checked by cdk-nag on every synth so that a finding that has
 * not been acknowledged stops a deployment. The target account and region are the CLI's.
 */
public final class PrescreenApp {

    public static final String STACK_NAME = "Prescreen";

    private PrescreenApp() {
    }

    /**
     * Feature flags the stack relies on, set here rather than in cdk.json so the tests synthesise exactly
     * what the CLI does. Server access logs are delivered through a bucket policy, so no bucket needs ACLs.
     */
    static final Map<String, Object> FEATURE_FLAGS = Map.of(
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    public static void main(String[] args) {
        App app = newApp();
        stack(app, Workspace.locate());
        checked(app);
        app.synth();
    }

    public static App newApp() {
        return App.Builder.create().context(FEATURE_FLAGS).build();
    }

    public static PrescreenStack stack(App app, Workspace workspace) {
        return new PrescreenStack(app, STACK_NAME, StackProps.builder()
                .description("prescreen: autonomous pre-screening interviews")
                .build(), workspace);
    }

    /** Adds the cdk-nag rule packs the stack is held to. */
    public static App checked(App app) {
        Aspects.of(app).add(new AwsSolutionsChecks());
        Aspects.of(app).add(new ServerlessChecks());
        return app;
    }
}
