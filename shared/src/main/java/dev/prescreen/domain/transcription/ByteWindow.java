package dev.prescreen.domain.transcription;

/**
 * A recording seen through the two slices a caller reads of it, its start and its end, addressed by offsets in the
 * whole file; and bounds-checked readers for byte arrays. Every read of a byte that is not at hand answers -1
 * instead of throwing, so that a parser fed garbage ends with "unknown" rather than an exception.
 */
final class ByteWindow {

    private final byte[] head;
    private final byte[] tail;
    private final long size;
    private final long tailStart;

    /** The caller has checked that neither slice is longer than the file. */
    ByteWindow(byte[] head, byte[] tail, long size) {
        this.head = head;
        this.tail = tail;
        this.size = size;
        this.tailStart = size - tail.length;
    }

    byte[] head() {
        return head;
    }

    byte[] tail() {
        return tail;
    }

    long size() {
        return size;
    }

    /** The byte at this offset of the file, or -1 when it lies in neither slice. */
    int u8(long offset) {
        if (offset >= 0 && offset < head.length) {
            return head[(int) offset] & 0xFF;
        }
        if (offset >= tailStart && offset >= 0 && offset < size) {
            return tail[(int) (offset - tailStart)] & 0xFF;
        }
        return -1;
    }

    /** A big-endian unsigned integer of {@code length} (at most 8) bytes at this offset of the file, or -1. */
    long uintBe(long offset, int length) {
        if (length > 8) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = u8(offset + i);
            if (b < 0) {
                return -1;
            }
            value = value << 8 | b;
        }
        return value < 0 ? -1 : value;
    }

    /** A little-endian unsigned integer of {@code length} (at most 4) bytes at this offset of the file, or -1. */
    long uintLe(long offset, int length) {
        if (length > 4) {
            return -1;
        }
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            int b = u8(offset + i);
            if (b < 0) {
                return -1;
            }
            value = value << 8 | b;
        }
        return value;
    }

    /**
     * The bytes of the file from this offset on, as many of {@code length} as are at hand without a gap (none when
     * the offset itself is not at hand).
     */
    byte[] copy(long offset, long length) {
        long wanted = Math.min(length, (long) head.length + tail.length);
        int n = 0;
        while (n < wanted && u8(offset + n) >= 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) u8(offset + i);
        }
        return bytes;
    }

    /** The byte at this offset of the array, or -1 outside it. */
    static int u8(byte[] bytes, long offset) {
        return offset >= 0 && offset < bytes.length ? bytes[(int) offset] & 0xFF : -1;
    }

    /**
     * A big-endian unsigned integer of {@code length} (1 to 8) bytes at this offset of the array, or -1 when it
     * runs outside the array or does not fit a non-negative long.
     */
    static long uintBe(byte[] bytes, long offset, long length) {
        if (length < 1 || length > 8 || offset < 0 || offset > bytes.length - length) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | (bytes[(int) offset + i] & 0xFF);
        }
        return value < 0 ? -1 : value;
    }

    /** A little-endian integer of {@code length} (1 to 8) bytes at this offset of the array; -1 outside it. */
    static long uintLe(byte[] bytes, long offset, int length) {
        if (length < 1 || length > 8 || offset < 0 || offset > bytes.length - length) {
            return -1;
        }
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[(int) offset + i] & 0xFF);
        }
        return value;
    }

    /** Whether the array holds this ASCII text at this offset. */
    static boolean ascii(byte[] bytes, long offset, String text) {
        if (offset < 0 || offset > bytes.length - text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[(int) offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A four-character code (a RIFF chunk's or an MP4 box's type) as the big-endian integer its bytes spell. */
    static long fourCc(String code) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | code.charAt(i);
        }
        return value;
    }
}
