package dev.prescreen.domain.transcription;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A recording's duration, read from its own bytes. Transcribe bills the duration of the media it is given, so the
 * usage a transcription costs is metered from the file, never from what the page claims the recording lasted: a page
 * can be changed to claim anything. Only the two ends of the file are read (a duration sits in the header, or in
 * the last block, page or fragment), so metering a recording does not mean downloading it.
 *
 * <ul>
 *   <li>WAV: the {@code data} chunk's size over the {@code fmt } byte rate; the file's size when the header was
 *       streamed (a data size of 0 or 0xFFFFFFFF, or one larger than the file).</li>
 *   <li>WebM: Segment › Info › Duration when present; Chrome's MediaRecorder writes none, so otherwise the last
 *       Cluster in the tail (its Timecode plus its last block's); the larger of the two when both are there. The
 *       last block's own length (20 to 60 ms of Opus) is not counted, having no field to read it from.</li>
 *   <li>Ogg (Opus, Vorbis): the granule position of the stream's last page, less Opus's pre-skip, over the rate.</li>
 *   <li>MP4 / M4A: moov › mvhd, wherever the moov is (head or tail). Fragmented files: moov › mvex › mehd when
 *       present, and the end of the last fragments in the tail (tfdt plus trun durations), the largest counting;
 *       fragments without tfdt give nothing, so such a file without mehd reads as unknown.</li>
 * </ul>
 *
 * <p>Best effort, not a demuxer: it reads the file's own claims and does not decode. Unknown rather than a guess
 * when the bytes do not say, or when what they say lies in the part of the file not read (a WebM video Cluster
 * longer than {@link #TAIL_BYTES}, say); a caller may then try again with a longer tail. It never throws.
 */
public final class RecordingDuration {

    /** How much of the start of the file the parser needs. */
    public static final int HEAD_BYTES = 64 * 1024;
    /** How much of the end of the file the parser needs (the last cluster / Ogg page / fragment). */
    public static final int TAIL_BYTES = 256 * 1024;

    private RecordingDuration() {
    }

    /**
     * The duration in seconds of a recording stored under this file extension ("wav", "webm", "ogg", "m4a", "mp4"),
     * from the first HEAD_BYTES (or the whole file if smaller), the last TAIL_BYTES (or the whole file) and the
     * file's total size. Empty when the format is unknown or the bytes do not say (never throws on garbage).
     *
     * @param extension the extension the recording is stored under, which names its container; case is ignored
     * @param head      the start of the file; longer or shorter than HEAD_BYTES works too, when it holds the header
     * @param tail      the end of the file; a longer one reaches further back (a long last WebM Cluster)
     * @param size      the size of the whole file in bytes, neither slice longer than it
     * @return the duration in seconds, finite and not negative; empty when unknown
     */
    public static Optional<Double> seconds(String extension, byte[] head, byte[] tail, long size) {
        if (extension == null || head == null || tail == null || size <= 0 || head.length > size
                || tail.length > size) {
            return Optional.empty();
        }
        ByteWindow file = new ByteWindow(head, tail, size);
        OptionalDouble seconds = switch (extension.toLowerCase(Locale.ROOT)) {
            case "wav" -> WavDuration.seconds(file);
            case "webm" -> WebmDuration.seconds(file);
            case "ogg" -> OggDuration.seconds(file);
            case "m4a", "mp4" -> Mp4Duration.seconds(file);
            default -> OptionalDouble.empty();
        };
        if (seconds.isEmpty() || !Double.isFinite(seconds.getAsDouble()) || seconds.getAsDouble() < 0) {
            return Optional.empty();
        }
        return Optional.of(seconds.getAsDouble());
    }
}
