package dev.prescreen.local.cloud;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Sits between S3Proxy and its blob store and reports every object written, as S3 reports
 * {@code s3:ObjectCreated:*} events to a bucket's notification targets.
 */
final class ObjectCreatedBridge extends ForwardingBlobStore {

    /** Receives each created object. */
    interface Listener {
        void objectCreated(String bucket, String key, long size, String eTag, String eventName);
    }

    private volatile Listener listener = (bucket, key, size, eTag, eventName) -> { };

    ObjectCreatedBridge(BlobStore delegate) {
        super(delegate);
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        announce(request.bucket(), request.key(), response.eTag(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        announce(request.destinationBucket(), request.destinationKey(),
                response.copyObjectResult() == null ? null : response.copyObjectResult().eTag(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        announce(request.bucket(), request.key(), response.eTag(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    private void announce(String bucket, String key, String eTag, String eventName) {
        long size = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key).build()).contentLength();
        listener.objectCreated(bucket, key, size, eTag, eventName);
    }
}
