package dev.prescreen.domain.session;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;

/** Where answer recordings go: straight from the candidate's browser, through a short-lived signed URL. */
public interface RecordingStore {

    /**
     * A URL that accepts one PUT of this content type and length, with {@code If-None-Match: *}, until it expires: the
     * object is created once and never replaced.
     */
    URI presignUpload(String key, String contentType, long contentLength, Duration validity);

    /** The stored recording's size, if it has arrived. */
    OptionalLong size(String key);

    /** A URL that reads the recording until it expires (for the recruiter's report). */
    URI presignDownload(String key, Duration validity);

    /** Deletes every object under the prefix (erasure, retention). */
    int deletePrefix(String prefix);

    /** The stored objects under the prefix with when each was written. */
    java.util.List<StoredObject> list(String prefix);

    void delete(String key);

    record StoredObject(String key, java.time.Instant lastModified) {
    }
}
