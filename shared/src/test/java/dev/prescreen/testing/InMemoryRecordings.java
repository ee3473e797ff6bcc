package dev.prescreen.testing;

import dev.prescreen.domain.session.RecordingStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A recordings bucket in memory: objects by key with their size. */
public final class InMemoryRecordings implements RecordingStore {

    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    public void put(String key, long size) {
        sizes.put(key, size);
    }

    @Override
    public URI presignUpload(String key, String contentType, long contentLength, Duration validity) {
        return URI.create("https://recordings.example/" + key + "?put");
    }

    @Override
    public OptionalLong size(String key) {
        Long size = sizes.get(key);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public URI presignDownload(String key, Duration validity) {
        return URI.create("https://recordings.example/" + key + "?get");
    }

    @Override
    public int deletePrefix(String prefix) {
        int before = sizes.size();
        sizes.keySet().removeIf(k -> k.startsWith(prefix));
        return before - sizes.size();
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return sizes.keySet().stream().filter(k -> k.startsWith(prefix))
                .map(k -> new StoredObject(k, Instant.EPOCH)).toList();
    }

    @Override
    public void delete(String key) {
        sizes.remove(key);
    }
}
