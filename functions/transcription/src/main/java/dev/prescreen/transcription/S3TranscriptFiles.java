package dev.prescreen.transcription;

import dev.prescreen.domain.transcription.TranscriptFiles;
import software.amazon.awssdk.services.s3.S3Client;

/** Transcripts in the transcripts bucket. */
public final class S3TranscriptFiles implements TranscriptFiles {

    private final S3Client s3;
    private final String bucket;

    public S3TranscriptFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String read(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }
}
