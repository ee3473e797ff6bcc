package dev.prescreen.domain.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixtures under {@code recordings/} are 2.5 s of a 440 Hz sine, made with ffmpeg 5.1 as its README says; their
 * true durations are ffprobe's {@code format=duration}. Each is read as a caller reads a recording: its first
 * HEAD_BYTES, its last TAIL_BYTES and its size.
 */
class RecordingDurationTest {

    /** 1 MiB: with it a recording is longer than HEAD_BYTES + TAIL_BYTES, so head and tail are apart. */
    private static final int MIB = 1024 * 1024;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = RecordingDurationTest.class.getResourceAsStream("/recordings/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Reads the duration from the two ends of the file, as a caller that fetches byte ranges does. */
    static Optional<Double> read(String extension, byte[] file) {
        byte[] head = Arrays.copyOf(file, Math.min(file.length, RecordingDuration.HEAD_BYTES));
        byte[] tail = Arrays.copyOfRange(file, Math.max(0, file.length - RecordingDuration.TAIL_BYTES), file.length);
        return RecordingDuration.seconds(extension, head, tail, file.length);
    }

    static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * ffprobe's duration, and the exact figure the file's own fields give. They differ where ffprobe counts what the
     * parser does not: Opus's pre-skip in Ogg (312 samples, 6.5 ms), and the last block of the Chrome-like WebM
     * (a 60 ms Opus frame: WebM blocks carry no length), for which ffprobe says N/A and the last packet ends at
     * 2.514 s. The fragmented M4As have no edit list to hide AAC's 1024 priming samples, so both say 2.564.
     */
    @ParameterizedTest
    @CsvSource({
        "pcm-16k-mono.wav, 2.500, 2.500",
        "opus-ffmpeg.webm, 2.508, 2.508",
        "opus-chrome-like.webm, 2.514, 2.461",
        "opus.ogg, 2.5065, 2.500",
        "vorbis.ogg, 2.500, 2.500",
        "aac.m4a, 2.500, 2.500",
        "aac-fragmented.m4a, 2.564, 2.564",
        "aac-fragmented-default-base-moof.m4a, 2.564, 2.564",
    })
    void readsEachFixturesDuration(String name, double ffprobe, double exact) throws IOException {
        Optional<Double> seconds = read(extension(name), fixture(name));

        assertThat(seconds).hasValueSatisfying(s -> {
            assertThat(s).isCloseTo(ffprobe, within(0.1));
            assertThat(s).isCloseTo(exact, within(1e-9));
        });
    }

    @Test
    void fixturesStaySmall() throws IOException {
        long total = 0;
        for (String name : fixtureNames().toList()) {
            total += fixture(name).length;
        }
        assertThat(total).isLessThan(150 * 1024);
    }

    @Test
    void aWavAsThePageEncodesItLastsItsSamplesOverTheRate() {
        byte[] wav = wav(16_000, 1, 12_345);

        assertThat(read("wav", wav)).hasValue(12_345 / 16_000.0);
        assertThat(read("WAV", wav)).as("the extension's case does not matter").hasValue(12_345 / 16_000.0);
    }

    @Test
    void aStereoWavAt48KilohertzLastsItsFramesOverTheRate() {
        assertThat(read("wav", wav(48_000, 2, 72_000))).hasValue(1.5);
    }

    @Test
    void aWavThatStatesNoByteRateHasItFromItsSampleRateAndBlockSize() {
        byte[] wav = wav(48_000, 2, 96_000);
        putLe32(wav, 28, 0);

        assertThat(read("wav", wav)).hasValue(2.0);
    }

    @Test
    void aWavWithAChunkBeforeItsSamplesIsWalkedPast() {
        byte[] plain = wav(16_000, 1, 8_000);
        byte[] list = chunk("LIST", "INFOISFT\u0005\0\0\0Lavf\0\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] wav = concat(Arrays.copyOf(plain, 36), list, Arrays.copyOfRange(plain, 36, plain.length));

        assertThat(read("wav", wav)).hasValue(0.5);
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFFFFFFL, 0L})
    void aStreamedWavHeaderLeavesTheDurationToTheFilesSize(long statedSize) {
        byte[] wav = wav(16_000, 1, 40_000);
        putLe32(wav, 4, statedSize);
        putLe32(wav, 40, statedSize);

        assertThat(read("wav", wav)).hasValue(2.5);
    }

    @Test
    void aWavClaimingMoreSamplesThanItHoldsLastsWhatItHolds() {
        byte[] wav = wav(16_000, 1, 16_000);
        putLe32(wav, 40, 10L * 32_000);

        assertThat(read("wav", wav)).hasValue(1.0);
    }

    @Test
    void aLongWavIsReadFromItsHead() {
        byte[] wav = wav(16_000, 1, 16_000 * 60);

        assertThat(wav.length).isGreaterThan(RecordingDuration.HEAD_BYTES + RecordingDuration.TAIL_BYTES);
        assertThat(read("wav", wav)).hasValue(60.0);
    }

    @Test
    void aLongChromeWebmIsReadFromTheLastClusterInItsTail() throws IOException {
        byte[] chrome = fixture("opus-chrome-like.webm");
        int lastCluster = lastIndexOf(chrome, new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75});
        // A Void element (ID 0xEC, 8-byte size) stands for a long recording's middle: head and tail are apart.
        byte[] filler = concat(new byte[] {(byte) 0xEC, 0x01, 0, 0, 0, 0, 0x10, 0, 0}, new byte[MIB]);
        byte[] webm = insert(chrome, lastCluster, filler);

        assertThat(read("webm", webm)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.461, within(1e-9)));
        byte[] head = Arrays.copyOf(webm, RecordingDuration.HEAD_BYTES);
        assertThat(RecordingDuration.seconds("webm", head, new byte[0], webm.length))
                .as("Chrome writes no Duration: without the tail nothing says how long it is").isEmpty();
    }

    @Test
    void aWebmWithoutDurationIsReadFromItsKnownSizeClustersBeforeItsCues() throws IOException {
        byte[] webm = fixture("opus-ffmpeg.webm");
        int duration = indexOf(webm, new byte[] {0x44, (byte) 0x89, (byte) 0x88});
        // Voided as a muxer leaves a Duration it never filled in: Void (0xEC), size 9, then 9 bytes.
        webm[duration] = (byte) 0xEC;
        webm[duration + 1] = (byte) 0x89;

        // The last block starts at 2.501 s (this file has 20 ms Opus frames; Info said 2.508).
        assertThat(read("webm", webm)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.501, within(1e-9)));
    }

    @Test
    void aWebmDurationShorterThanItsClustersDoesNotHideThem() throws IOException {
        byte[] webm = fixture("opus-ffmpeg.webm");
        int duration = indexOf(webm, new byte[] {0x44, (byte) 0x89, (byte) 0x88});
        ByteBuffer.wrap(webm, duration + 3, 8).putDouble(1000.0);

        assertThat(read("webm", webm)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.501, within(1e-9)));
    }

    @Test
    void aWebmTimecodeScaleScalesItsTimecodes() throws IOException {
        byte[] webm = fixture("opus-chrome-like.webm");
        int scale = indexOf(webm, new byte[] {0x2A, (byte) 0xD7, (byte) 0xB1, (byte) 0x83, 0x0F, 0x42, 0x40});
        // 2,000,000 ns: every timecode stands for twice as long.
        webm[scale + 4] = 0x1E;
        webm[scale + 5] = (byte) 0x84;
        webm[scale + 6] = (byte) 0x80;

        assertThat(read("webm", webm)).hasValueSatisfying(s -> assertThat(s).isCloseTo(4.922, within(1e-9)));
    }

    @Test
    void aLongOggIsReadFromTheLastPageInItsTail() throws IOException {
        byte[] ogg = fixture("opus.ogg");
        int lastPage = lastIndexOf(ogg, "OggS".getBytes(StandardCharsets.US_ASCII));
        byte[] longOgg = insert(ogg, lastPage, new byte[MIB]);

        assertThat(read("ogg", longOgg)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.5, within(1e-9)));
    }

    @Test
    void anOggPageWithABadChecksumIsPassedOverForTheOneBefore() throws IOException {
        byte[] ogg = fixture("opus.ogg");
        ogg[ogg.length - 1] ^= 0x55;

        assertThat(read("ogg", ogg)).hasValueSatisfying(s -> assertThat(s).isBetween(1.0, 2.49));
    }

    @Test
    void aLongM4aWithItsMoovAtTheEndIsReadFromItsTail() throws IOException {
        byte[] m4a = fixture("aac.m4a");
        int mdat = indexOf(m4a, "mdat".getBytes(StandardCharsets.US_ASCII)) - 4;
        long mdatSize = ByteBuffer.wrap(m4a, mdat, 4).getInt() & 0xFFFFFFFFL;
        ByteBuffer.wrap(m4a, mdat, 4).putInt((int) (mdatSize + MIB));
        byte[] longM4a = insert(m4a, (int) (mdat + mdatSize), new byte[MIB]);

        assertThat(read("m4a", longM4a)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.5, within(1e-9)));
        byte[] head = Arrays.copyOf(longM4a, RecordingDuration.HEAD_BYTES);
        assertThat(RecordingDuration.seconds("m4a", head, new byte[0], longM4a.length)).isEmpty();
    }

    @Test
    void aLongFragmentedM4aIsReadFromTheLastFragmentInItsTail() throws IOException {
        byte[] m4a = fixture("aac-fragmented.m4a");
        int lastMoof = lastIndexOf(m4a, "moof".getBytes(StandardCharsets.US_ASCII)) - 4;
        byte[] longM4a = insert(m4a, lastMoof, box("free", new byte[MIB]));

        assertThat(read("m4a", longM4a)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.564, within(1e-9)));
    }

    @Test
    void aFragmentedM4aCutShortEndsWithItsLastWholeFragment() throws IOException {
        byte[] m4a = fixture("aac-fragmented.m4a");
        int lastMoof = lastIndexOf(m4a, "moof".getBytes(StandardCharsets.US_ASCII)) - 4;
        byte[] cut = Arrays.copyOf(m4a, lastMoof + 40);

        // The fragment before starts at 16,384 and has 16 samples of tfhd's default 1,024, at 16 kHz.
        assertThat(read("m4a", cut)).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.048, within(1e-9)));
    }

    @Test
    void aFragmentedMp4WithMehdHasItsDurationFromIt() {
        byte[] mvhd = fullBox("mvhd", 0, concat(new byte[8], be32(1_000), be32(0), new byte[80]));
        byte[] mvex = box("mvex", fullBox("mehd", 0, be32(4_250)));
        byte[] mp4 = concat(box("ftyp", "isomiso6".getBytes(StandardCharsets.US_ASCII)),
                box("moov", concat(mvhd, mvex)), box("mdat", new byte[100]));

        assertThat(read("mp4", mp4)).hasValue(4.25);
    }

    @Test
    void anMp4WithAVersion1MvhdAtItsStartIsRead() {
        byte[] mvhd = fullBox("mvhd", 1, concat(new byte[16], be32(48_000), be64(48_000L * 7), new byte[80]));
        byte[] mp4 = concat(box("ftyp", "isomiso6".getBytes(StandardCharsets.US_ASCII)), box("moov", mvhd),
                box("mdat", new byte[2 * MIB]));

        assertThat(read("mp4", mp4)).hasValue(7.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "", "webm.wav"})
    void anUnknownExtensionIsUnknown(String extension) {
        assertThat(read(extension, wav(16_000, 1, 16_000))).isEmpty();
    }

    @Test
    void aFileUnderAnotherFormatsExtensionIsUnknown() throws IOException {
        byte[] wav = wav(16_000, 1, 16_000);

        assertThat(read("webm", wav)).isEmpty();
        assertThat(read("ogg", wav)).isEmpty();
        assertThat(read("m4a", wav)).isEmpty();
        assertThat(read("wav", fixture("opus.ogg"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "webm", "ogg", "m4a", "mp4"})
    void noBytesOrBadArgumentsAreUnknown(String extension) {
        byte[] wav = wav(16_000, 1, 16_000);

        assertThat(RecordingDuration.seconds(extension, new byte[0], new byte[0], 0)).isEmpty();
        assertThat(RecordingDuration.seconds(extension, new byte[0], new byte[0], 1_000)).isEmpty();
        assertThat(RecordingDuration.seconds(extension, null, wav, wav.length)).isEmpty();
        assertThat(RecordingDuration.seconds(extension, wav, null, wav.length)).isEmpty();
        assertThat(RecordingDuration.seconds(extension, wav, wav, wav.length - 1)).isEmpty();
        assertThat(RecordingDuration.seconds(null, wav, wav, wav.length)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "webm", "ogg", "m4a", "mp4"})
    void randomGarbageIsUnknown(String extension) {
        Random random = new Random(20_240_601L + extension.hashCode());
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);

            assertThat(read(extension, garbage)).as("garbage %d", i).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtureNames")
    void aFileCutBeforeItsMediaIsUnknown(String name) throws IOException {
        assertThat(read(extension(name), Arrays.copyOf(fixture(name), 64))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtureNames")
    void aFileCutAnywhereNeverThrowsNorReadsLongerThanTheWhole(String name) throws IOException {
        byte[] file = fixture(name);
        double whole = read(extension(name), file).orElseThrow();
        for (int length = 0; length < file.length; length += Math.max(1, file.length / 400)) {
            byte[] cut = Arrays.copyOf(file, length);

            assertThat(read(extension(name), cut)).as("the first %d bytes", length)
                    .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s.get()).isLessThan(whole + 1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtureNames")
    void aDamagedFileNeverThrows(String name) throws IOException {
        byte[] file = fixture(name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 500; i++) {
            byte[] damaged = file.clone();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }

            assertThatCode(() -> read(extension(name), damaged)).as("damage %d", i).doesNotThrowAnyException();
        }
    }

    static Stream<String> fixtureNames() {
        return Stream.of("pcm-16k-mono.wav", "opus-ffmpeg.webm", "opus-chrome-like.webm", "opus.ogg", "vorbis.ogg",
                "aac.m4a", "aac-fragmented.m4a", "aac-fragmented-default-base-moof.m4a");
    }

    /** A 16-bit PCM WAV with a 44-byte header, as the page's encoder writes it, of silence. */
    static byte[] wav(int sampleRate, int channels, int frames) {
        int blockAlign = channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + frames * blockAlign).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * blockAlign)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * blockAlign);
        return wav.array();
    }

    static void putLe32(byte[] bytes, int offset, long value) {
        ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value);
    }

    static byte[] chunk(String id, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
    }

    static byte[] box(String type, byte[] content) {
        return concat(be32(8 + content.length), type.getBytes(StandardCharsets.US_ASCII), content);
    }

    static byte[] fullBox(String type, int version, byte[] content) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, content));
    }

    static byte[] be32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    static byte[] be64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not in fixture");
    }

    static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not in fixture");
    }
}
