package dev.prescreen.domain.session;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.plan.Answering.Capture;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recordings a page may upload: each content type with the file extension it is stored under (which tells
 * Transcribe its media format), what it captures, and the largest upload allowed. Video is allowed only for plans
 * that record video; sound only is always allowed (a video plan's candidate without a camera answers by sound).
 */
public final class RecordingFormats {

    /** 25 MiB: more than five minutes of Opus or AAC speech at any bit rate a browser uses. */
    public static final long MAX_AUDIO_BYTES = 25L * 1024 * 1024;
    /**
     * The longest recording an answer can have: the plan's longest answer time (300 s) with the most extra time an
     * accommodation grants (600 s), and a minute for the candidate who stops late.
     */
    public static final int LONGEST_RECORDING_SECONDS = dev.prescreen.domain.plan.PlanRules.MAX_ANSWER_SECONDS
            + dev.prescreen.domain.interview.Accommodation.MAX_EXTRA_ANSWER_SECONDS + 60;
    /** The longest recording as the page encodes speech (16 kHz mono 16-bit PCM: 32,000 bytes a second), and header. */
    public static final long MAX_WAV_BYTES = 32_000L * LONGEST_RECORDING_SECONDS + 44;
    /**
     * 200 MiB: five minutes (the longest answer time) at 5 Mbit/s; the page asks for 1 Mbit/s, Safari's MP4 may
     * use more.
     */
    public static final long MAX_VIDEO_BYTES = 200L * 1024 * 1024;

    /** One accepted content type. */
    public record Format(String contentType, String extension, Capture capture, long maxBytes) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("audio/webm", "webm", Capture.AUDIO, MAX_AUDIO_BYTES),
            new Format("audio/ogg", "ogg", Capture.AUDIO, MAX_AUDIO_BYTES),
            new Format("audio/wav", "wav", Capture.AUDIO, MAX_WAV_BYTES),
            new Format("audio/mp4", "m4a", Capture.AUDIO, MAX_AUDIO_BYTES),
            new Format("video/webm", "webm", Capture.VIDEO, MAX_VIDEO_BYTES),
            new Format("video/mp4", "mp4", Capture.VIDEO, MAX_VIDEO_BYTES));

    private static final Map<String, Format> BY_TYPE = FORMATS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Format::contentType, f -> f));

    /** Why a plan's candidate sent sound only, when the plan records video. */
    public static final List<String> VIDEO_FALLBACKS = List.of("camera_denied", "no_camera", "declined");

    private RecordingFormats() {
    }

    /** The format of a content type (parameters such as {@code ;codecs=opus} ignored), if accepted at all. */
    public static Optional<Format> of(String contentType) {
        return Optional.ofNullable(BY_TYPE.get(bare(contentType)));
    }

    /** The content types a plan that captures this accepts, in order. */
    public static List<String> accepted(Capture planCapture) {
        return FORMATS.stream().filter(f -> f.capture() == Capture.AUDIO || planCapture == Capture.VIDEO)
                .map(Format::contentType).toList();
    }

    /** The largest recording a plan that captures this accepts, by capture ({@code audio}, {@code video}). */
    public static Map<String, Long> limits(Capture planCapture) {
        Map<String, Long> limits = new java.util.TreeMap<>();
        FORMATS.stream().filter(f -> accepted(planCapture).contains(f.contentType()))
                .forEach(f -> limits.merge(f.capture().wireName(), f.maxBytes(), Math::max));
        return Map.copyOf(limits);
    }

    public static String bare(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** An upload the plan accepts: its format, and for a video plan's sound-only recording, why. */
    public record Checked(Format format, String videoFallback) {
    }

    /**
     * Checks an upload against the plan: a type it accepts, a size within the type's cap, and a fallback reason
     * only with a video plan's sound-only recording (absent, it is taken as no camera).
     */
    public static Checked check(Capture planCapture, String contentType, Long contentLength, String videoFallback) {
        String type = bare(contentType);
        Format format = of(type).filter(f -> accepted(planCapture).contains(f.contentType()))
                .orElseThrow(() -> new DomainException.InvalidInput("contentType", "must be one of "
                        + accepted(planCapture) + " for this interview"));
        if (contentLength == null || contentLength < 1 || contentLength > format.maxBytes()) {
            throw new DomainException.InvalidInput("contentLength", "must be from 1 to " + format.maxBytes()
                    + " bytes for " + type);
        }
        boolean soundOnly = planCapture == Capture.VIDEO && format.capture() == Capture.AUDIO;
        if (videoFallback != null && (!soundOnly || !VIDEO_FALLBACKS.contains(videoFallback))) {
            throw new DomainException.InvalidInput("videoFallback", soundOnly
                    ? "must be one of " + VIDEO_FALLBACKS
                    : "goes only with a sound-only recording in an interview that records video");
        }
        return new Checked(format, soundOnly ? (videoFallback == null ? NO_CAMERA : videoFallback) : null);
    }

    private static final String NO_CAMERA = "no_camera";
}
