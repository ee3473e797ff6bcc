package dev.prescreen.domain.session;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Where and how to PUT the recording: the signed URL, the headers it was signed with, and its expiry. */
public record UploadTicket(URI url, String method, Map<String, String> headers, Instant expiresAt) {
}
