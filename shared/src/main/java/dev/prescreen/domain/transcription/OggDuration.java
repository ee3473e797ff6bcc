package dev.prescreen.domain.transcription;

import java.util.OptionalDouble;

/**
 * The duration of an Ogg Opus or Ogg Vorbis file: the granule position (the count of samples decoded so far) of the
 * stream's last page in the tail, over the sample rate. Opus counts at 48 kHz whatever the input rate, and its first
 * pre-skip samples (from the OpusHead) are the encoder's delay, not sound. Vorbis takes its rate from the
 * identification header. Both headers are in the first page, so the head gives the stream's serial number and codec.
 */
final class OggDuration {

    private static final String CAPTURE = "OggS";
    private static final int PAGE_HEADER = 27;
    private static final int GRANULE = 6;
    private static final int SERIAL = 14;
    private static final int CHECKSUM = 22;
    private static final int SEGMENTS = 26;
    private static final long OPUS_RATE = 48_000;
    private static final int OPUS_PRE_SKIP = 10;
    private static final int VORBIS_RATE = 12;
    private static final int VORBIS_IDENTIFICATION = 1;
    /**
     * How many pages with a wrong checksum the backward search tolerates before giving up: the real last page is
     * found at once, and a crafted tail of false pages must not cost a checksum over the whole tail for each.
     */
    private static final int MAX_BAD_PAGES = 16;
    private static final int[] CRC = crcTable();

    private OggDuration() {
    }

    static OptionalDouble seconds(ByteWindow file) {
        byte[] head = file.head();
        if (!ByteWindow.ascii(head, 0, CAPTURE) || ByteWindow.u8(head, 4) != 0) {
            return OptionalDouble.empty();
        }
        long serial = ByteWindow.uintLe(head, SERIAL, 4);
        int segments = ByteWindow.u8(head, SEGMENTS);
        long packet = PAGE_HEADER + segments;
        long rate;
        long preSkip = 0;
        if (segments > 0 && ByteWindow.ascii(head, packet, "OpusHead")) {
            rate = OPUS_RATE;
            preSkip = ByteWindow.uintLe(head, packet + OPUS_PRE_SKIP, 2);
        } else if (segments > 0 && ByteWindow.u8(head, packet) == VORBIS_IDENTIFICATION
                && ByteWindow.ascii(head, packet + 1, "vorbis")) {
            rate = ByteWindow.uintLe(head, packet + VORBIS_RATE, 4);
        } else {
            return OptionalDouble.empty();
        }
        if (rate <= 0 || preSkip < 0) {
            return OptionalDouble.empty();
        }
        long granule = lastGranule(file.tail(), serial);
        return granule < 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, granule - preSkip) / (double) rate);
    }

    /** The granule position of the stream's last whole, intact page in the tail that has one (not 0); -1 if none. */
    private static long lastGranule(byte[] tail, long serial) {
        int bad = 0;
        for (int at = tail.length - PAGE_HEADER; at >= 0 && bad < MAX_BAD_PAGES; at--) {
            if (!ByteWindow.ascii(tail, at, CAPTURE) || tail[at + 4] != 0
                    || ByteWindow.uintLe(tail, at + SERIAL, 4) != serial) {
                continue;
            }
            int segments = tail[at + SEGMENTS] & 0xFF;
            long length = PAGE_HEADER + segments;
            for (int i = 0; i < segments; i++) {
                length += Math.max(0, ByteWindow.u8(tail, at + PAGE_HEADER + i));
            }
            // A page cut off by the end of the file (an upload that stopped short) is passed over, not counted bad.
            if (at + length > tail.length) {
                continue;
            }
            if (crc(tail, at, (int) length) != ByteWindow.uintLe(tail, at + CHECKSUM, 4)) {
                bad++;
                continue;
            }
            // A page on which no packet ends says -1, and header pages say 0: neither measures any sound.
            long granule = ByteWindow.uintLe(tail, at + GRANULE, 8);
            if (granule > 0) {
                return granule;
            }
        }
        return -1;
    }

    /** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, no final inversion) over a page whose own is zeroed. */
    private static long crc(byte[] bytes, int from, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int b = i >= CHECKSUM && i < CHECKSUM + 4 ? 0 : bytes[from + i] & 0xFF;
            crc = crc << 8 ^ CRC[(crc >>> 24 ^ b) & 0xFF];
        }
        return crc & 0xFFFFFFFFL;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x80000000) != 0 ? r << 1 ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
