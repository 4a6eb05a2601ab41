package cn.baomi.scan.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.sevenzipjbinding.ArchiveFormat;
import net.sf.sevenzipjbinding.ExtractOperationResult;
import net.sf.sevenzipjbinding.IArchiveOpenCallback;
import net.sf.sevenzipjbinding.ICryptoGetTextPassword;
import net.sf.sevenzipjbinding.IInArchive;
import net.sf.sevenzipjbinding.PropID;
import net.sf.sevenzipjbinding.SevenZip;
import net.sf.sevenzipjbinding.SevenZipException;
import net.sf.sevenzipjbinding.impl.RandomAccessFileInStream;

/**
 * Internal: the child process that reads one RAR5 archive with 7-Zip-JBinding, so that its native
 * code (7-Zip 16.02) never runs inside the scanning JVM, where a crash on a hostile archive (or at
 * exit) would take the whole scan down. Started by {@link RarArchive}; not an API.
 *
 * <p>Arguments: archive, output directory (private, made by the parent), entries allowed, expanded
 * bytes allowed, regular expression of lower-cased entry names to skip, and an optional test fault.
 * Entries are extracted into the output directory as {@code e1, e2, …}; the manifest file there
 * gets one line per entry or problem, tab-separated, fields URL-encoded:
 * <ul>
 *   <li>{@code file PATH NAME} — extracted to {@code NAME};</li>
 *   <li>{@code encrypted PATH}, {@code problem PATH MESSAGE} — an entry not extracted;</li>
 *   <li>{@code limit entries|bytes} — a limit was reached, nothing more was read;</li>
 *   <li>{@code archive encrypted|damaged}, {@code archive unreadable MESSAGE},
 *       {@code archive unavailable MESSAGE} — the archive as a whole;</li>
 *   <li>{@code complete} — last, once everything above is written. Without it nothing is used.</li>
 * </ul>
 */
public final class RarWorker {

    static final String MANIFEST = "manifest";
    static final String COMPLETE = "complete";
    /** Test faults: halt before "complete", halt after it, hang before it. */
    static final String HALT = "halt", HALT_AFTER_COMPLETE = "halt-after-complete", HANG = "hang";

    private RarWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int maxEntries = Integer.parseInt(args[2]);
        long maxBytes = Long.parseLong(args[3]);
        Pattern skip = Pattern.compile(args[4]);
        String fault = args.length > 5 ? args[5] : "";
        try (Writer manifest = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            read(archive, dir, maxEntries, maxBytes, skip, manifest);
            if (fault.equals(HALT)) {
                manifest.flush();
                Runtime.getRuntime().halt(134);
            }
            if (fault.equals(HANG)) {
                Thread.sleep(Long.MAX_VALUE);
            }
            line(manifest, COMPLETE);
            manifest.flush();
            if (fault.equals(HALT_AFTER_COMPLETE)) {
                Runtime.getRuntime().halt(134);
            }
        }
        System.exit(0);
    }

    private static void read(Path file, Path dir, int maxEntries, long maxBytes, Pattern skip, Writer manifest)
            throws IOException {
        try {
            SevenZip.initSevenZipFromPlatformJAR();
        } catch (Exception | LinkageError e) {
            line(manifest, "archive", "unavailable", e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        PasswordAsked asked = new PasswordAsked();
        Expanded expanded = new Expanded(maxBytes);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
             IInArchive archive = SevenZip.openInArchive(ArchiveFormat.RAR5, new RandomAccessFileInStream(raf), asked)) {
            int count = 0;
            for (int i = 0; i < archive.getNumberOfItems(); i++) {
                if (Boolean.TRUE.equals(archive.getProperty(i, PropID.IS_FOLDER))) {
                    continue;
                }
                Object p = archive.getProperty(i, PropID.PATH);
                String path = p == null ? "" : p.toString();
                if (skip.matcher(path.toLowerCase(Locale.ROOT)).matches()) {
                    continue;
                }
                if (++count > maxEntries) {
                    line(manifest, "limit", "entries");
                    return;
                }
                if (Boolean.TRUE.equals(archive.getProperty(i, PropID.ENCRYPTED))) {
                    line(manifest, "encrypted", path);
                    continue;
                }
                String name = "e" + count;
                ExtractOperationResult result;
                try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                    result = archive.extractSlow(i, data -> {
                        try {
                            expanded.add(data.length);
                            out.write(data);
                            return data.length;
                        } catch (IOException e) {
                            throw new SevenZipException(e.getMessage(), e);
                        }
                    });
                } catch (SevenZipException e) {
                    if (expanded.exceeded) {
                        line(manifest, "limit", "bytes");
                        return;
                    }
                    throw e;
                }
                if (expanded.exceeded) {
                    line(manifest, "limit", "bytes");
                    return;
                }
                if (result == ExtractOperationResult.OK) {
                    line(manifest, "file", path, name);
                } else {
                    Files.deleteIfExists(dir.resolve(name));
                    if (result == ExtractOperationResult.WRONG_PASSWORD) {
                        line(manifest, "encrypted", path);
                    } else {
                        line(manifest, "problem", path, String.valueOf(result));
                    }
                }
            }
            Object errors = archive.getArchiveProperty(PropID.ERROR_FLAGS);
            if (errors instanceof Number n && n.longValue() != 0) {
                line(manifest, "archive", "damaged");
            }
        } catch (SevenZipException e) {
            if (asked.asked) {
                line(manifest, "archive", "encrypted");
            } else {
                line(manifest, "archive", "unreadable", String.valueOf(e.getMessage()));
            }
        }
    }

    /** Writes one manifest line: the fields URL-encoded (no tab or line break survives), tab-separated. */
    static void line(Writer manifest, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                manifest.write('\t');
            }
            manifest.write(URLEncoder.encode(fields[i], StandardCharsets.UTF_8));
        }
        manifest.write('\n');
    }

    /** The fields of one manifest line. */
    static String[] fields(String line) {
        String[] fields = line.split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = URLDecoder.decode(fields[i], StandardCharsets.UTF_8);
        }
        return fields;
    }

    /** Expanded bytes so far against the allowance. */
    private static final class Expanded {
        private final long max;
        private long total;
        private boolean exceeded;

        Expanded(long max) {
            this.max = max;
        }

        void add(long n) throws IOException {
            total += n;
            if (total > max) {
                exceeded = true;
                throw new IOException("expanded bytes limit reached");
            }
        }
    }

    /** Notes that 7-Zip asked for a password while opening (encrypted headers) and gives none. */
    private static final class PasswordAsked implements IArchiveOpenCallback, ICryptoGetTextPassword {
        private boolean asked;

        @Override
        public void setTotal(Long files, Long bytes) {
            // no progress shown
        }

        @Override
        public void setCompleted(Long files, Long bytes) {
            // no progress shown
        }

        @Override
        public String cryptoGetTextPassword() throws SevenZipException {
            asked = true;
            throw new SevenZipException("password required");
        }
    }
}
