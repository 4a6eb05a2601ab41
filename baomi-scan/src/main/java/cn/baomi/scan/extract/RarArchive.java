package cn.baomi.scan.extract;

import com.github.junrar.Archive;
import com.github.junrar.exception.RarException;
import com.github.junrar.exception.UnsupportedRarEncryptedException;
import com.github.junrar.rarfile.FileHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.sevenzipjbinding.ArchiveFormat;
import net.sf.sevenzipjbinding.ExtractOperationResult;
import net.sf.sevenzipjbinding.IArchiveOpenCallback;
import net.sf.sevenzipjbinding.ICryptoGetTextPassword;
import net.sf.sevenzipjbinding.IInArchive;
import net.sf.sevenzipjbinding.PropID;
import net.sf.sevenzipjbinding.SevenZip;
import net.sf.sevenzipjbinding.SevenZipException;
import net.sf.sevenzipjbinding.impl.RandomAccessFileInStream;
import org.apache.tika.io.TikaInputStream;

/**
 * RAR archives, read by us rather than by Tika's RarParser, which cannot read RAR5 and silently
 * drops encrypted RAR4 entries (junrar fails on them in a thread of its own). RAR4 goes through
 * junrar, RAR5 through 7-Zip-JBinding (7-Zip 16.02 in a native library unpacked from the jar on
 * first use). Each entry is extracted to a temporary file, every byte charged to the budget, and
 * parsed like any embedded document; encrypted entries and archives are reported as encrypted.
 */
final class RarArchive {

    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static String initProblem;
    private static boolean initDone;

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

    private static void read5(Path file, Session session, EmbeddedDocs docs, String where) throws IOException {
        String problem = init();
        if (problem != null) {
            session.problem("无法解析 RAR5 压缩包 (cannot read RAR5, 7-Zip-JBinding unavailable: " + problem + ")" + where);
            return;
        }
        PasswordAsked asked = new PasswordAsked();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
             IInArchive archive = SevenZip.openInArchive(ArchiveFormat.RAR5, new RandomAccessFileInStream(raf), asked)) {
            for (int i = 0; i < archive.getNumberOfItems(); i++) {
                if (Boolean.TRUE.equals(archive.getProperty(i, PropID.IS_FOLDER))) {
                    continue;
                }
                int index = i;
                entry((String) archive.getProperty(i, PropID.PATH),
                        Boolean.TRUE.equals(archive.getProperty(i, PropID.ENCRYPTED)), session, docs, out -> {
                    ExtractOperationResult result = archive.extractSlow(index, data -> {
                        try {
                            out.write(data);
                            return data.length;
                        } catch (IOException e) {
                            throw new SevenZipException(e.getMessage(), e);
                        }
                    });
                    if (result == ExtractOperationResult.WRONG_PASSWORD) {
                        return false;
                    }
                    if (result != ExtractOperationResult.OK) {
                        throw new IOException(String.valueOf(result));
                    }
                    return true;
                });
            }
            Object errors = archive.getArchiveProperty(PropID.ERROR_FLAGS);
            if (errors instanceof Number n && n.longValue() != 0) {
                session.problem("压缩包已损坏或不完整 (damaged or truncated archive)" + where);
            }
        } catch (SevenZipException e) {
            LimitException limit = Session.cause(e, LimitException.class);
            if (limit != null) {
                throw limit;
            }
            session.problem((asked.asked ? "文件已加密，无法检查内容 (encrypted)" : "无法解析 (cannot parse)") + where
                    + (asked.asked ? "" : ": " + e.getMessage()));
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

    /** Null when 7-Zip-JBinding's native library is loaded, else why not. */
    static synchronized String init() {
        if (!initDone) {
            initDone = true;
            try {
                SevenZip.initSevenZipFromPlatformJAR();
            } catch (Exception | LinkageError e) {
                initProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return initProblem;
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
