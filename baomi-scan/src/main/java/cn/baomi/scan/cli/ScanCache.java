package cn.baomi.scan.cli;

import cn.baomi.scan.ScanResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of earlier runs keyed by absolute path, valid while the file's size and modification
 * time and the rules' fingerprint (dictionaries, limits, engine version) are unchanged. Only
 * results without errors are kept. Damaged cache lines are ignored.
 */
final class ScanCache {

    private record Entry(long size, long mtime, String json) {
    }

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private ScanCache(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    static ScanCache load(Path file, String fingerprint) {
        ScanCache cache = new ScanCache(file, fingerprint);
        if (!Files.isRegularFile(file)) {
            return cache;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", 5);
                if (parts.length == 5 && parts[0].equals(fingerprint)) {
                    try {
                        String key = (String) Json.parse(parts[3]);
                        cache.entries.put(key, new Entry(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[4]));
                    } catch (RuntimeException e) {
                        // a damaged line only costs a rescan of that file
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cache.entries.clear();
        }
        return cache;
    }

    /** The cached result for an unchanged file, shown under {@code displayPath}; null when none. */
    ScanResult lookup(String key, long size, long mtime, String displayPath) {
        Entry e = entries.get(key);
        if (e == null || e.size != size || e.mtime != mtime) {
            return null;
        }
        try {
            ScanResult r = ResultJson.read(e.json);
            return new ScanResult(displayPath, r.marking(), r.confidence(), r.findings(), r.error(), r.bytes());
        } catch (RuntimeException ex) {
            return null;
        }
    }

    void put(String key, long size, long mtime, ScanResult r) {
        if (r.error() == null) {
            entries.put(key, new Entry(size, mtime, ResultJson.write(r)));
        }
    }

    void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".baomi-scan-cache", ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder key = new StringBuilder();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                key.setLength(0);
                Json.string(key, e.getKey());
                w.write(fingerprint + "\t" + e.getValue().size + "\t" + e.getValue().mtime + "\t" + key + "\t"
                        + e.getValue().json);
                w.newLine();
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
