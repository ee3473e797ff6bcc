package dev.prescreen.domain.session;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;

/** Where answer recordings go: straight from the candidate's browser, through a short-lived signed URL. */
public interface RecordingStore {

    /** A URL that accepts exactly one PUT of this content type and length until it expires. */
    URI presignUpload(String key, String contentType, long contentLength, Duration validity);

    /** The stored recording's size, if it has arrived. */
    OptionalLong size(String key);
}
