package dev.prescreen.domain.transcription;

import java.util.OptionalDouble;

/**
 * The duration of a RIFF/WAVE file: the size of its {@code data} chunk over the byte rate its {@code fmt } chunk
 * states. Both chunks come before the samples, so only the head is read; the file's size stands in for a data size
 * that a streaming writer could not know when it wrote the header (0 or 0xFFFFFFFF), or that claims more bytes
 * than the file has.
 */
final class WavDuration {

    private static final long RIFF = ByteWindow.fourCc("RIFF");
    /** The 64-bit variant: its data size is 0xFFFFFFFF and the real one in a ds64 chunk, so the file size serves. */
    private static final long RF64 = ByteWindow.fourCc("RF64");
    private static final long WAVE = ByteWindow.fourCc("WAVE");
    private static final long FMT = ByteWindow.fourCc("fmt ");
    private static final long DATA = ByteWindow.fourCc("data");
    /** The data size a writer puts in the header when it streams and cannot seek back to fill it in. */
    private static final long STREAMED_SIZE = 0xFFFFFFFFL;
    /** The RIFF header (id, size, form type) before the first chunk. */
    private static final int FIRST_CHUNK = 12;
    /** The fields of {@code fmt } read here: format, channels, sample rate, byte rate, block align, bits. */
    private static final int FMT_BYTES = 16;

    private WavDuration() {
    }

    static OptionalDouble seconds(ByteWindow file) {
        long form = file.uintBe(0, 4);
        if (form != RIFF && form != RF64 || file.uintBe(8, 4) != WAVE) {
            return OptionalDouble.empty();
        }
        long byteRate = -1;
        long chunk = FIRST_CHUNK;
        while (chunk + 8 <= file.size()) {
            long id = file.uintBe(chunk, 4);
            long length = file.uintLe(chunk + 4, 4);
            if (id < 0 || length < 0) {
                return OptionalDouble.empty();
            }
            if (id == FMT) {
                byteRate = length < FMT_BYTES ? -1 : byteRate(file, chunk + 8);
            } else if (id == DATA) {
                return samples(file, chunk + 8, length, byteRate);
            }
            // Chunks are padded to an even length.
            chunk += 8 + length + (length & 1);
        }
        return OptionalDouble.empty();
    }

    /** The byte rate the header states; when it says 0, what the sample rate and block size make it. */
    private static long byteRate(ByteWindow file, long fmt) {
        long channels = file.uintLe(fmt + 2, 2);
        long sampleRate = file.uintLe(fmt + 4, 4);
        long stated = file.uintLe(fmt + 8, 4);
        long blockAlign = file.uintLe(fmt + 12, 2);
        long bits = file.uintLe(fmt + 14, 2);
        if (channels < 0 || sampleRate < 0 || stated < 0 || blockAlign < 0 || bits < 0) {
            return -1;
        }
        if (stated > 0) {
            return stated;
        }
        return blockAlign > 0 ? sampleRate * blockAlign : sampleRate * channels * bits / 8;
    }

    private static OptionalDouble samples(ByteWindow file, long offset, long stated, long byteRate) {
        if (byteRate <= 0 || offset > file.size()) {
            return OptionalDouble.empty();
        }
        boolean unknown = stated == 0 || stated == STREAMED_SIZE || stated > file.size() - offset;
        long bytes = unknown ? file.size() - offset : stated;
        return OptionalDouble.of((double) bytes / byteRate);
    }
}
