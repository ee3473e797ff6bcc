package dev.prescreen.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/** The settings every bucket of the stack shares, and the bucket their server access logs go to. */
final class SecureBuckets {

    /** How long server access logs are kept. */
    static final int ACCESS_LOG_RETENTION_DAYS = 90;

    private SecureBuckets() {
    }

    /** Private, encrypted, TLS only, unversioned, and kept when the stack is deleted. */
    static BucketProps.Builder privateBucket() {
        return BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(false)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    static LifecycleRule expireAfter(int days) {
        return LifecycleRule.builder()
                .expiration(Duration.days(days))
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build();
    }

    /** S3 writes server access logs here through the bucket policy CDK adds (no ACLs). */
    static Bucket accessLogs(Construct scope, String id) {
        return new Bucket(scope, id, privateBucket()
                .lifecycleRules(java.util.List.of(expireAfter(ACCESS_LOG_RETENTION_DAYS)))
                .build());
    }
}
