package dev.prescreen.transcription;

import dev.prescreen.domain.transcription.RecordingFiles;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Recordings in the recordings bucket, read by range: a five-minute video is never downloaded to time it. */
public final class S3RecordingFiles implements RecordingFiles {

    private final S3Client s3;
    private final String bucket;

    public S3RecordingFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<Ends> ends(String key, int headBytes, int tailBytes) {
        try {
            ResponseBytes<GetObjectResponse> head = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                    .range("bytes=0-" + (headBytes - 1)));
            long size = size(head.response());
            byte[] start = head.asByteArray();
            if (size <= start.length) {
                return Optional.of(new Ends(start, start, size));
            }
            byte[] end = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=-" + tailBytes))
                    .asByteArray();
            return Optional.of(new Ends(start, end, size));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The whole object's size: after the slash of {@code Content-Range: bytes 0-65535/812345}. */
    private static long size(GetObjectResponse response) {
        String range = response.contentRange();
        if (range != null && range.contains("/") && !range.endsWith("/*")) {
            return Long.parseLong(range.substring(range.lastIndexOf('/') + 1).trim());
        }
        return response.contentLength();
    }
}
