package dev.prescreen.domain.transcription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The duration of an MP4 (M4A) file. A file written whole says it in moov › mvhd (duration over timescale); the
 * moov may come after the media, so the top-level boxes are walked by their sizes from the head, and the moov read
 * from whichever slice holds it. A fragmented file (Safari's MediaRecorder; ffmpeg's {@code empty_moov}) is written
 * before its length is known: its mvhd says 0, and the length is in moov › mvex › mehd when a writer went back to
 * fill it in, and otherwise at the end of the last fragments in the tail: each moof › traf's tfdt (its start) plus
 * its trun sample durations (or tfhd's, or trex's, default), in the track's mdhd timescale. Fragments without a
 * tfdt give nothing, since their start would take every earlier fragment to know. For a fragmented file the
 * largest of the figures counts.
 */
final class Mp4Duration {

    private static final long MOOV = ByteWindow.fourCc("moov");
    private static final long MVHD = ByteWindow.fourCc("mvhd");
    private static final long TRAK = ByteWindow.fourCc("trak");
    private static final long TKHD = ByteWindow.fourCc("tkhd");
    private static final long MDIA = ByteWindow.fourCc("mdia");
    private static final long MDHD = ByteWindow.fourCc("mdhd");
    private static final long MVEX = ByteWindow.fourCc("mvex");
    private static final long MEHD = ByteWindow.fourCc("mehd");
    private static final long TREX = ByteWindow.fourCc("trex");
    private static final long MOOF = ByteWindow.fourCc("moof");
    private static final long MFHD = ByteWindow.fourCc("mfhd");
    private static final long TRAF = ByteWindow.fourCc("traf");
    private static final long TFHD = ByteWindow.fourCc("tfhd");
    private static final long TFDT = ByteWindow.fourCc("tfdt");
    private static final long TRUN = ByteWindow.fourCc("trun");
    /** A 32-bit duration of all ones means "unknown". */
    private static final long UNKNOWN_DURATION = 0xFFFFFFFFL;
    private static final int TFHD_BASE_DATA_OFFSET = 0x01;
    private static final int TFHD_DESCRIPTION_INDEX = 0x02;
    private static final int TFHD_DEFAULT_DURATION = 0x08;
    private static final int TRUN_DATA_OFFSET = 0x01;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x04;
    private static final int TRUN_DURATION = 0x100;
    /** The per-sample fields a trun may carry: duration, size, flags, composition offset, 4 bytes each. */
    private static final int TRUN_SAMPLE_FIELDS = 0xF00;
    /**
     * How many fragments at the end are read. One usually holds every track; a few more cover a writer that puts
     * each track in a fragment of its own.
     */
    private static final int MAX_FRAGMENTS = 8;

    /** What the moov says: the movie's timescale and durations, and each track's timescale and default duration. */
    private static final class Movie {
        long timescale;
        long duration;
        long fragmentDuration;
        boolean fragmented;
        final Map<Long, Long> trackTimescales = new HashMap<>();
        final Map<Long, Long> trackDefaultDurations = new HashMap<>();
    }

    /** A box of an array: its type, and where its content starts and ends (a box cut short ends with the array). */
    private record Box(long type, long content, long end) {
    }

    private Mp4Duration() {
    }

    static OptionalDouble seconds(ByteWindow file) {
        byte[] moov = null;
        for (long at = 0; at + 8 <= file.size(); ) {
            long size = file.uintBe(at, 4);
            long type = file.uintBe(at + 4, 4);
            int header = 8;
            if (size == 1) {
                size = file.uintBe(at + 8, 8);
                header = 16;
            } else if (size == 0) {
                size = file.size() - at;
            }
            if (type < 0 || size < header || size > file.size() - at) {
                break;
            }
            if (type == MOOV) {
                moov = file.copy(at + header, size - header);
                break;
            }
            at += size;
        }
        if (moov == null) {
            return OptionalDouble.empty();
        }
        Movie movie = movie(moov);
        double seconds = movie.timescale > 0 ? (double) movie.duration / movie.timescale : -1;
        if (movie.fragmented) {
            if (movie.timescale > 0) {
                seconds = Math.max(seconds, (double) movie.fragmentDuration / movie.timescale);
            }
            seconds = Math.max(seconds, lastFragmentsEnd(file.tail(), movie));
        }
        return seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    }

    private static Movie movie(byte[] moov) {
        Movie movie = new Movie();
        for (Box box : boxes(moov, 0, moov.length)) {
            if (box.type() == MVHD) {
                boolean wide = version1(moov, box);
                movie.timescale = ByteWindow.uintBe(moov, box.content() + (wide ? 20 : 12), 4);
                long duration = ByteWindow.uintBe(moov, box.content() + (wide ? 24 : 16), wide ? 8 : 4);
                movie.duration = duration == UNKNOWN_DURATION && !wide ? 0 : Math.max(0, duration);
            } else if (box.type() == TRAK) {
                track(moov, box, movie);
            } else if (box.type() == MVEX) {
                movie.fragmented = true;
                for (Box child : boxes(moov, box.content(), box.end())) {
                    if (child.type() == MEHD) {
                        long duration = ByteWindow.uintBe(moov, child.content() + 4, version1(moov, child) ? 8 : 4);
                        movie.fragmentDuration = Math.max(0, duration);
                    } else if (child.type() == TREX) {
                        long track = ByteWindow.uintBe(moov, child.content() + 4, 4);
                        long duration = ByteWindow.uintBe(moov, child.content() + 12, 4);
                        if (track >= 0 && duration >= 0) {
                            movie.trackDefaultDurations.put(track, duration);
                        }
                    }
                }
            }
        }
        return movie;
    }

    /** Notes a trak's track ID (from tkhd) with its media timescale (from mdia › mdhd). */
    private static void track(byte[] moov, Box trak, Movie movie) {
        long id = -1;
        long timescale = -1;
        for (Box child : boxes(moov, trak.content(), trak.end())) {
            if (child.type() == TKHD) {
                id = ByteWindow.uintBe(moov, child.content() + (version1(moov, child) ? 20 : 12), 4);
            } else if (child.type() == MDIA) {
                for (Box media : boxes(moov, child.content(), child.end())) {
                    if (media.type() == MDHD) {
                        timescale = ByteWindow.uintBe(moov, media.content() + (version1(moov, media) ? 20 : 12), 4);
                    }
                }
            }
        }
        if (id >= 0 && timescale > 0) {
            movie.trackTimescales.put(id, timescale);
        }
    }

    /**
     * Where the last fragments in the tail end, in seconds, or -1. The tail starts anywhere, so the search goes
     * backwards for a moof whose size fits and whose first box is its mfhd; fragments do not overlap, so each one
     * looked for must end where the one found after it starts.
     */
    private static double lastFragmentsEnd(byte[] tail, Movie movie) {
        double latest = -1;
        int found = 0;
        long limit = tail.length;
        for (long at = tail.length - 8; at >= 0 && found < MAX_FRAGMENTS; at--) {
            long size = ByteWindow.uintBe(tail, at, 4);
            if (ByteWindow.uintBe(tail, at + 4, 4) != MOOF || size < 16 || size > limit - at
                    || ByteWindow.uintBe(tail, at + 12, 4) != MFHD) {
                continue;
            }
            found++;
            limit = at;
            for (Box box : boxes(tail, at + 8, at + size)) {
                if (box.type() == TRAF) {
                    latest = Math.max(latest, trackFragmentEnd(tail, box, movie));
                }
            }
        }
        return latest;
    }

    /** The end of a traf in seconds: its tfdt plus its samples' durations, over its track's timescale; or -1. */
    private static double trackFragmentEnd(byte[] tail, Box traf, Movie movie) {
        long track = -1;
        long defaultDuration = -1;
        long start = -1;
        double samples = 0;
        for (Box box : boxes(tail, traf.content(), traf.end())) {
            if (box.type() == TFHD) {
                long flags = ByteWindow.uintBe(tail, box.content(), 4) & 0xFFFFFF;
                track = ByteWindow.uintBe(tail, box.content() + 4, 4);
                long field = box.content() + 8 + ((flags & TFHD_BASE_DATA_OFFSET) != 0 ? 8 : 0)
                        + ((flags & TFHD_DESCRIPTION_INDEX) != 0 ? 4 : 0);
                defaultDuration = (flags & TFHD_DEFAULT_DURATION) != 0 ? ByteWindow.uintBe(tail, field, 4)
                        : movie.trackDefaultDurations.getOrDefault(track, -1L);
            } else if (box.type() == TFDT) {
                start = ByteWindow.uintBe(tail, box.content() + 4, version1(tail, box) ? 8 : 4);
            } else if (box.type() == TRUN) {
                double run = runDuration(tail, box, defaultDuration);
                if (run < 0) {
                    return -1;
                }
                samples += run;
            }
        }
        Long timescale = movie.trackTimescales.get(track);
        return start < 0 || timescale == null ? -1 : (start + samples) / timescale;
    }

    /** The sum of a trun's sample durations, its own or the default; -1 when it does not say or is cut short. */
    private static double runDuration(byte[] tail, Box trun, long defaultDuration) {
        long flags = ByteWindow.uintBe(tail, trun.content(), 4) & 0xFFFFFF;
        long count = ByteWindow.uintBe(tail, trun.content() + 4, 4);
        if (count < 0) {
            return -1;
        }
        if ((flags & TRUN_DURATION) == 0) {
            return defaultDuration < 0 ? -1 : (double) count * defaultDuration;
        }
        long sample = trun.content() + 8 + ((flags & TRUN_DATA_OFFSET) != 0 ? 4 : 0)
                + ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? 4 : 0);
        long stride = 4L * Long.bitCount(flags & TRUN_SAMPLE_FIELDS);
        if (sample + count * stride > trun.end()) {
            return -1;
        }
        double sum = 0;
        for (long i = 0; i < count; i++) {
            sum += Math.max(0, ByteWindow.uintBe(tail, sample + i * stride, 4));
        }
        return sum;
    }

    /** Whether a full box is of version 1, whose times and durations are 64-bit. */
    private static boolean version1(byte[] bytes, Box box) {
        return ByteWindow.u8(bytes, box.content()) == 1;
    }

    /** The boxes one after another in {@code [from, to)} of the array. */
    private static List<Box> boxes(byte[] bytes, long from, long to) {
        List<Box> boxes = new ArrayList<>();
        long limit = Math.min(to, bytes.length);
        for (long at = from; at + 8 <= limit; ) {
            long size = ByteWindow.uintBe(bytes, at, 4);
            long type = ByteWindow.uintBe(bytes, at + 4, 4);
            int header = 8;
            if (size == 1) {
                size = ByteWindow.uintBe(bytes, at + 8, 8);
                header = 16;
            } else if (size == 0) {
                size = limit - at;
            }
            if (size < header || type < 0) {
                break;
            }
            long end = size > limit - at ? limit : at + size;
            boxes.add(new Box(type, at + header, end));
            at = end;
        }
        return boxes;
    }
}
