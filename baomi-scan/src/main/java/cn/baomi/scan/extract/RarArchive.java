package cn.baomi.scan.extract;

import com.github.junrar.Archive;
import com.github.junrar.exception.RarException;
import com.github.junrar.exception.UnsupportedRarEncryptedException;
import com.github.junrar.rarfile.FileHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;

/**
 * RAR archives, read by us rather than by Tika's RarParser, which cannot read RAR5 and silently
 * drops encrypted RAR4 entries (junrar fails on them in a thread of its own). RAR4 goes through
 * junrar in this process, RAR5 through 7-Zip-JBinding (7-Zip 16.02, native code) in a child JVM,
 * {@link RarWorker}. Each entry is extracted to a temporary file, every byte charged to the budget,
 * and parsed like any embedded document; encrypted entries and archives are reported as encrypted.
 */
final class RarArchive {

    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    /** Test hook: a fault for the RAR5 worker to simulate (see {@link RarWorker}), or null. */
    static volatile String workerFault;

    private RarArchive() {
    }

    /** 4 for RAR 1.5–4.x, 5 for RAR5, 0 for anything else. */
    static int version(byte[] head) {
        if (head.length < 8) {
            return 0;
        }
        for (int i = 0; i < RAR.length; i++) {
            if (head[i] != RAR[i]) {
                return 0;
            }
        }
        return head[6] == 0 ? 4 : head[6] == 1 && head[7] == 0 ? 5 : 0;
    }

    /** Reads every entry of the archive {@code file}, RAR {@code version} 4 or 5; entries go to {@code docs}. */
    static void read(int version, Path file, Session session, EmbeddedDocs docs, String where) {
        try {
            if (version == 4) {
                read4(file, session, docs, where);
            } else {
                read5(file, session, docs, where);
            }
        } catch (IOException e) {
            LimitException limit = Session.cause(e, LimitException.class);
            if (limit != null) {
                throw limit;
            }
            session.problem("无法解析 (cannot parse)" + where + ": " + e.getMessage());
        }
    }

    private interface Extraction {
        /** Writes the entry to {@code out}; false when the data turned out to be encrypted. */
        boolean to(OutputStream out) throws IOException;
    }

    private static void read4(Path file, Session session, EmbeddedDocs docs, String where) throws IOException {
        try (Archive archive = new Archive(file.toFile())) {
            if (archive.isEncrypted()) {
                session.problem("文件已加密，无法检查内容 (encrypted)" + where);
                return;
            }
            for (FileHeader h = archive.nextFileHeader(); h != null; h = archive.nextFileHeader()) {
                if (!h.isDirectory()) {
                    FileHeader header = h;
                    entry(header.getFileName().replace('\\', '/'), header.isEncrypted(), session, docs, out -> {
                        try {
                            archive.extractFile(header, out);
                            return true;
                        } catch (UnsupportedRarEncryptedException e) {
                            return false;
                        } catch (RarException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    });
                }
            }
        } catch (UnsupportedRarEncryptedException e) {
            session.problem("文件已加密，无法检查内容 (encrypted)" + where);
        } catch (RarException e) {
            session.problem("无法解析 (cannot parse)" + where + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * RAR5: 7-Zip's native code runs in a child JVM ({@link RarWorker}) that extracts the entries
     * into a private temporary directory within what is left of the budget; this process waits up
     * to the file's deadline (then kills it), reads the manifest and parses the extracted entries.
     * No "complete" line (a crash, a halt) means the archive is reported unreadable; a non-zero exit
     * after it (a crash at exit) does not matter.
     */
    private static void read5(Path file, Session session, EmbeddedDocs docs, String where) throws IOException {
        Budget budget = session.budget();
        Path dir = privateDirectory();
        try {
            Process process;
            try {
                process = worker(file, dir, budget, docs).start();
            } catch (IOException e) {
                session.problem("无法解析 RAR5 压缩包 (cannot read RAR5, reader process not started: " + e.getMessage() + ")" + where);
                return;
            }
            try {
                if (!process.waitFor(budget.millisLeft(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    budget.timeUp();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new LimitException("检查被中断 (interrupted)");
            } finally {
                process.destroyForcibly();
            }
            List<String> lines = Files.exists(dir.resolve(RarWorker.MANIFEST))
                    ? Files.readAllLines(dir.resolve(RarWorker.MANIFEST), StandardCharsets.UTF_8) : List.of();
            if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(RarWorker.COMPLETE)) {
                session.problem("无法解析 (cannot parse)" + where + ": RAR5 读取进程异常退出 (RAR5 reader exited with code "
                        + process.exitValue() + " before finishing)");
                return;
            }
            for (String line : lines.subList(0, lines.size() - 1)) {
                manifestLine(RarWorker.fields(line), dir, session, docs, where);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static ProcessBuilder worker(Path file, Path dir, Budget budget, EmbeddedDocs docs) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                // 7-Zip-JBinding unpacks its native library under java.io.tmpdir: here, removed with the rest
                "-Djava.io.tmpdir=" + dir, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), RarWorker.class.getName(),
                file.toAbsolutePath().toString(), dir.toString(), String.valueOf(budget.entriesLeft()),
                String.valueOf(budget.expansionLeft()), docs.unwantedNames()));
        if (workerFault != null) {
            command.add(workerFault);
        }
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("worker.log").toFile()).redirectErrorStream(true);
    }

    /** One manifest line of the worker (see {@link RarWorker}), turned into units, problems or a tripped limit. */
    private static void manifestLine(String[] f, Path dir, Session session, EmbeddedDocs docs, String where)
            throws IOException {
        switch (f[0]) {
            case "file" -> {
                Path extracted = dir.resolve(f[2]);
                entry(f[1], false, session, docs, out -> {
                    Files.copy(extracted, out);
                    return true;
                });
                Files.deleteIfExists(extracted);
            }
            case "encrypted" -> entry(f[1], true, session, docs, out -> false);
            case "problem" -> entry(f[1], false, session, docs, out -> {
                throw new IOException(f[2]);
            });
            case "limit" -> {
                if (f[1].equals("entries")) {
                    session.budget().entriesExceeded();
                } else {
                    session.budget().expansionExceeded();
                }
            }
            case "archive" -> session.problem(switch (f[1]) {
                case "encrypted" -> "文件已加密，无法检查内容 (encrypted)" + where;
                case "damaged" -> "压缩包已损坏或不完整 (damaged or truncated archive)" + where;
                case "unavailable" -> "无法解析 RAR5 压缩包 (cannot read RAR5, 7-Zip-JBinding unavailable: " + f[2] + ")" + where;
                default -> "无法解析 (cannot parse)" + where + ": " + (f.length > 2 ? f[2] : f[1]);
            });
            default -> session.problem("无法解析 (cannot parse)" + where + ": unexpected RAR5 reader output");
        }
    }

    /** A temporary directory only this user can read (POSIX), for the worker's output. */
    private static Path privateDirectory() throws IOException {
        try {
            return Files.createTempDirectory("baomi-rar-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Path dir = Files.createTempDirectory("baomi-rar-");
            java.io.File f = dir.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setExecutable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
            f.setExecutable(true, true);
            return dir;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary directory left behind holds no more than the archive did
        }
    }

    /** One file entry: charged, checked for depth, extracted to a temporary file, parsed. */
    private static void entry(String name, boolean encrypted, Session session, EmbeddedDocs docs, Extraction extraction)
            throws IOException {
        if (!docs.wanted(null, name)) {
            return;
        }
        String innerPath = docs.enter(name);
        if (innerPath == null) {
            return;
        }
        if (encrypted) {
            session.problem("文件已加密，无法检查内容 (encrypted): " + innerPath);
            return;
        }
        Path tmp = Files.createTempFile("baomi-rar-", ".bin");
        try {
            boolean extracted;
            ChargedOutputStream out = new ChargedOutputStream(Files.newOutputStream(tmp), session.budget());
            try (out) {
                extracted = extraction.to(out);
            } catch (IOException e) {
                if (out.limit != null) {
                    throw out.limit;
                }
                session.problem("无法解析 (cannot parse): " + innerPath + ": " + e.getMessage());
                return;
            }
            if (out.limit != null) {
                throw out.limit;
            }
            if (!extracted) {
                session.problem("文件已加密，无法检查内容 (encrypted): " + innerPath);
                return;
            }
            try (TikaInputStream tis = TikaInputStream.get(tmp)) {
                docs.parseExtracted(tis, innerPath);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Charges every byte written to the budget; remembers a tripped limit that a library may wrap. */
    private static final class ChargedOutputStream extends java.io.FilterOutputStream {
        private final Budget budget;
        private LimitException limit;

        ChargedOutputStream(OutputStream out, Budget budget) {
            super(out);
            this.budget = budget;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                budget.expanded(len);
            } catch (LimitException e) {
                limit = e;
                throw e;
            }
            out.write(b, off, len);
        }
    }
}
