package dev.prescreen.domain.transcription;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * The duration of a WebM (Matroska) file. A muxer that can seek back writes it in Segment › Info › Duration; the
 * browser's MediaRecorder streams and cannot, so Chrome writes no Duration and leaves the Segment and every Cluster
 * of unknown size. Then the end of the last Cluster in the tail tells it: the Cluster's Timecode plus the largest
 * relative timecode of its blocks. That is the start of the last block, so the figure falls short by that block's
 * length (20 to 60 ms for Opus) unless a BlockGroup gives its BlockDuration. When both are there, the larger counts,
 * so that a Duration written short does not hide the Clusters that follow it.
 *
 * <p>The last Cluster's start must lie in the tail: a video Cluster (one per keyframe) longer than the tail leaves
 * the duration unknown unless the Info has it.
 */
final class WebmDuration {

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long TIMECODE = 0xE7L;
    private static final long SIMPLE_BLOCK = 0xA3L;
    private static final long BLOCK_GROUP = 0xA0L;
    private static final long BLOCK = 0xA1L;
    private static final long BLOCK_DURATION = 0x9BL;
    /**
     * The other elements a Cluster may hold (Void, CRC-32, SilentTracks, Position, PrevSize, EncryptedBlock). Any
     * other ID inside a Cluster of unknown size is the next top-level element, where the Cluster ends.
     */
    private static final Set<Long> OTHER_CLUSTER_CHILDREN = Set.of(0xECL, 0xBFL, 0x5854L, 0xA7L, 0xABL, 0xAFL);
    /** The TimecodeScale when the Info gives none: timecodes in milliseconds. */
    private static final long DEFAULT_TIMECODE_SCALE = 1_000_000L;
    private static final double NANOSECONDS = 1e9;
    /** A size whose value bits are all ones: the writer did not know it (a live stream). */
    private static final long UNKNOWN_SIZE = -1;
    /** The longest element ID Matroska allows, in bytes. */
    private static final int MAX_ID_LENGTH = 4;

    /** An element: its ID, where its data starts, and its size ({@link #UNKNOWN_SIZE} when unknown). */
    private record Element(long id, long data, long size) {

        boolean unknownSize() {
            return size == UNKNOWN_SIZE;
        }

        /** Where the data ends, but never past the array it was read from. */
        long end(byte[] bytes) {
            return unknownSize() ? bytes.length : Math.min(bytes.length, data + size);
        }
    }

    private WebmDuration() {
    }

    static OptionalDouble seconds(ByteWindow file) {
        byte[] head = file.head();
        Element ebml = element(head, 0);
        if (ebml == null || ebml.id() != EBML || ebml.unknownSize()) {
            return OptionalDouble.empty();
        }
        Element segment = element(head, ebml.data() + ebml.size());
        if (segment == null || segment.id() != SEGMENT) {
            return OptionalDouble.empty();
        }
        long scale = DEFAULT_TIMECODE_SCALE;
        double duration = 0;
        long end = segment.end(head);
        for (long at = segment.data(); at < end; ) {
            Element child = element(head, at);
            if (child == null || child.id() == CLUSTER || child.unknownSize()) {
                break;
            }
            if (child.id() == INFO) {
                Info info = info(head, child);
                scale = info.timecodeScale();
                duration = info.duration();
                break;
            }
            at = child.data() + child.size();
        }
        if (scale <= 0) {
            return OptionalDouble.empty();
        }
        double fromInfo = duration > 0 && Double.isFinite(duration) ? duration * scale / NANOSECONDS : -1;
        long ticks = lastClusterEnd(file.tail());
        double fromClusters = ticks >= 0 ? (double) ticks * scale / NANOSECONDS : -1;
        double seconds = Math.max(fromInfo, fromClusters);
        return seconds >= 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    }

    /** The Info's TimecodeScale (the default when absent; -1 when malformed) and Duration (0 when absent). */
    private record Info(long timecodeScale, double duration) {
    }

    private static Info info(byte[] head, Element info) {
        long scale = DEFAULT_TIMECODE_SCALE;
        double duration = 0;
        long end = info.end(head);
        for (long at = info.data(); at < end; ) {
            Element child = element(head, at);
            if (child == null || child.unknownSize()) {
                break;
            }
            if (child.id() == TIMECODE_SCALE) {
                scale = ByteWindow.uintBe(head, child.data(), child.size());
            } else if (child.id() == DURATION && child.size() == 4) {
                long bits = ByteWindow.uintBe(head, child.data(), 4);
                duration = bits < 0 ? 0 : Float.intBitsToFloat((int) bits);
            } else if (child.id() == DURATION && child.size() == 8) {
                // A negative double has its top bit set and reads as -1: no duration either way.
                long bits = ByteWindow.uintBe(head, child.data(), 8);
                duration = bits < 0 ? 0 : Double.longBitsToDouble(bits);
            }
            at = child.data() + child.size();
        }
        return new Info(scale, duration);
    }

    /**
     * How far the last Cluster in the tail reaches, in timecode ticks (its last block's start, or end when a
     * BlockDuration says), or -1 if none is found. The tail starts anywhere, so the search goes backwards for the
     * Cluster ID and takes the first that is followed by a size and a Timecode.
     */
    private static long lastClusterEnd(byte[] tail) {
        for (long at = tail.length - MAX_ID_LENGTH; at >= 0; at--) {
            if (ByteWindow.uintBe(tail, at, MAX_ID_LENGTH) == CLUSTER) {
                long end = clusterEnd(tail, at);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static long clusterEnd(byte[] tail, long at) {
        Element cluster = element(tail, at);
        Element timecode = cluster == null ? null : element(tail, cluster.data());
        if (timecode == null || timecode.id() != TIMECODE || timecode.size() < 1 || timecode.size() > 8) {
            return -1;
        }
        long start = ByteWindow.uintBe(tail, timecode.data(), timecode.size());
        if (start < 0) {
            return -1;
        }
        long latest = 0;
        long end = cluster.end(tail);
        for (long child = timecode.data() + timecode.size(); child < end; ) {
            Element e = element(tail, child);
            if (e == null) {
                break;
            }
            if (e.id() == SIMPLE_BLOCK) {
                latest = Math.max(latest, blockTime(tail, e.data()));
            } else if (e.id() == BLOCK_GROUP) {
                latest = Math.max(latest, groupEnd(tail, e));
            } else if (!OTHER_CLUSTER_CHILDREN.contains(e.id())) {
                break;
            }
            if (e.unknownSize()) {
                break;
            }
            child = e.data() + e.size();
        }
        return start + latest;
    }

    /** A BlockGroup's Block's relative timecode plus its BlockDuration, if it has one. */
    private static long groupEnd(byte[] tail, Element group) {
        long time = Long.MIN_VALUE;
        long duration = 0;
        long end = group.end(tail);
        for (long at = group.data(); at < end; ) {
            Element child = element(tail, at);
            if (child == null || child.unknownSize()) {
                break;
            }
            if (child.id() == BLOCK) {
                time = blockTime(tail, child.data());
            } else if (child.id() == BLOCK_DURATION) {
                duration = Math.max(0, ByteWindow.uintBe(tail, child.data(), child.size()));
            }
            at = child.data() + child.size();
        }
        return time == Long.MIN_VALUE ? Long.MIN_VALUE : time + duration;
    }

    /** A block's timecode relative to its Cluster: a signed 16-bit integer after the track number. */
    private static long blockTime(byte[] bytes, long data) {
        int trackLength = vintLength(bytes, data);
        long raw = trackLength == 0 ? -1 : ByteWindow.uintBe(bytes, data + trackLength, 2);
        return raw < 0 ? Long.MIN_VALUE : (short) raw;
    }

    /** The element whose ID starts at this offset, or null when its ID or size do not parse there. */
    private static Element element(byte[] bytes, long at) {
        int idLength = vintLength(bytes, at);
        if (idLength == 0 || idLength > MAX_ID_LENGTH) {
            return null;
        }
        // IDs keep their length marker: 0x1A45DFA3 is the EBML ID as written.
        long id = ByteWindow.uintBe(bytes, at, idLength);
        long sizeAt = at + idLength;
        int sizeLength = vintLength(bytes, sizeAt);
        long raw = sizeLength == 0 ? -1 : ByteWindow.uintBe(bytes, sizeAt, sizeLength);
        if (id < 0 || raw < 0) {
            return null;
        }
        long allOnes = (1L << (7 * sizeLength)) - 1;
        long value = raw & allOnes;
        return new Element(id, sizeAt + sizeLength, value == allOnes ? UNKNOWN_SIZE : value);
    }

    /** The length of the variable-size integer at this offset, from its leading zeros; 0 when there is none. */
    private static int vintLength(byte[] bytes, long at) {
        int first = ByteWindow.u8(bytes, at);
        return first <= 0 ? 0 : Integer.numberOfLeadingZeros(first) - 23;
    }
}
