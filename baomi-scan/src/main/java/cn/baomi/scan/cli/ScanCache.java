package cn.baomi.scan.cli;

import cn.baomi.scan.ScanResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of earlier runs keyed by absolute path, valid while the file's size, modification time
 * and SHA-256 of its content, and the rules' fingerprint (dictionaries, limits, OCR, engine
 * version), are unchanged. The content hash costs one read of an unchanged file (far cheaper than
 * parsing it) and catches a file rewritten with its size and time restored. Only results without
 * errors are kept. The cache holds snippets of what was found, so it is written owner-only, and it
 * is bounded: entries used in this run are kept first, then older ones up to {@code maxEntries}
 * and {@code maxBytes}. Damaged lines are ignored.
 */
final class ScanCache {

    static final int MAX_ENTRIES = 200_000;
    static final long MAX_BYTES = 256L << 20;
    /** Results larger than this (thousands of findings) are not worth caching. */
    static final int MAX_RESULT_CHARS = 1 << 20;

    private record Entry(long size, long mtime, String hash, String json) {
    }

    private final Path file;
    private final String fingerprint;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private ScanCache(Path file, String fingerprint, int maxEntries, long maxBytes) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    static ScanCache load(Path file, String fingerprint) {
        return load(file, fingerprint, MAX_ENTRIES, MAX_BYTES);
    }

    static ScanCache load(Path file, String fingerprint, int maxEntries, long maxBytes) {
        ScanCache cache = new ScanCache(file, fingerprint, maxEntries, maxBytes);
        if (!Files.isRegularFile(file)) {
            return cache;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", 6);
                if (parts.length == 6 && parts[0].equals(fingerprint)) {
                    try {
                        String key = (String) Json.parse(parts[4]);
                        cache.entries.put(key, new Entry(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3],
                                parts[5]));
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
    ScanResult lookup(String key, String hash, long size, long mtime, String displayPath) {
        Entry e = entries.get(key);
        if (e == null || e.size != size || e.mtime != mtime || !e.hash.equals(hash)) {
            return null;
        }
        try {
            ScanResult r = ResultJson.read(e.json);
            used.add(key);
            return new ScanResult(displayPath, r.marking(), r.confidence(), r.findings(), r.error(), r.bytes());
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** Stores a result; {@code hash} is the content hash taken before the scan (null: not cached). */
    void put(String key, long size, long mtime, String hash, ScanResult r) {
        if (r.error() != null || hash == null) {
            return;
        }
        String json = ResultJson.write(r);
        if (json.length() <= MAX_RESULT_CHARS) {
            entries.put(key, new Entry(size, mtime, hash, json));
            used.add(key);
        }
    }

    /** SHA-256 of the file's content, or null when it cannot be read. */
    static String hash(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        return entries.size();
    }

    void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = posix
                ? Files.createTempFile(dir, ".baomi-scan-cache", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".baomi-scan-cache", ".tmp");
        List<String> order = new ArrayList<>(used);
        for (String key : entries.keySet()) {
            if (!used.contains(key)) {
                order.add(key);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            long bytes = 0;
            int count = 0;
            for (String key : order) {
                Entry e = entries.get(key);
                if (e == null) {
                    continue;
                }
                line.setLength(0);
                line.append(fingerprint).append('\t').append(e.size).append('\t').append(e.mtime).append('\t')
                        .append(e.hash).append('\t');
                Json.string(line, key);
                line.append('\t').append(e.json);
                bytes += line.length() + 1;
                if (++count > maxEntries || bytes > maxBytes) {
                    break;
                }
                w.append(line).append('\n');
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
