package dev.prescreen.storage;

import dev.prescreen.domain.session.RecordingStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Recordings in the recordings bucket, uploaded by the browser with presigned PUTs. */
public final class S3RecordingStore implements RecordingStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3RecordingStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public URI presignUpload(String key, String contentType, long contentLength, Duration validity) {
        try {
            // Content type, length and If-None-Match are signed: the URL accepts nothing else, and creates the object
            // at most once (a second PUT answers 412), so the recording cannot change after it was uploaded.
            return presigner.presignPutObject(p -> p.signatureDuration(validity)
                    .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType)
                            .contentLength(contentLength).ifNoneMatch("*")))
                    .url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public URI presignDownload(String key, Duration validity) {
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(validity)
                    .getObjectRequest(r -> r.bucket(bucket).key(key))).url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int deletePrefix(String prefix) {
        int deleted = 0;
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))) {
            for (var object : page.contents()) {
                s3.deleteObject(r -> r.bucket(bucket).key(object.key()));
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public java.util.List<StoredObject> list(String prefix) {
        java.util.List<StoredObject> objects = new java.util.ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))) {
            page.contents().forEach(o -> objects.add(new StoredObject(o.key(), o.lastModified())));
        }
        return objects;
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException missing) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }
}
