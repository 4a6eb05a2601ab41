package cn.baomi.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Optional OCR of images (png, jpeg, tiff, bmp, also inside archives and documents) and of
 * image-only PDF pages, by running the {@code tesseract} command (Debian: {@code tesseract-ocr}
 * and {@code tesseract-ocr-chi-sim}) as a separate process. Off unless asked for; Tika's own OCR
 * stays off either way.
 *
 * @param enabled      false: images are skipped and image-only PDF pages yield no text
 * @param command      the tesseract executable (a name on the PATH or a full path)
 * @param languages    tesseract languages, "chi_sim" by default (its model reads Latin letters and
 *                     digits too; adding eng garbled a whole CJK line in tests)
 * @param timePerImage an image or page still being recognised after this long is given up (the
 *                     process is killed); the file's own time limit applies too
 * @param maxImageBytes larger image files are not recognised
 * @param maxPixels    larger images are not recognised; PDF pages are rendered at {@code dpi} or,
 *                     if that would exceed this, at the resolution that fits
 * @param dpi          resolution for rendering image-only PDF pages
 */
public record Ocr(boolean enabled, String command, String languages, Duration timePerImage, long maxImageBytes,
                  long maxPixels, int dpi) {

    /** No OCR: the default. */
    public static Ocr off() {
        return new Ocr(false, "tesseract", "chi_sim", Duration.ofSeconds(60), 32L << 20, 25_000_000, 200);
    }

    /** OCR with tesseract from the PATH and its Simplified Chinese model. */
    public static Ocr tesseract() {
        return new Ocr(true, "tesseract", "chi_sim", Duration.ofSeconds(60), 32L << 20, 25_000_000, 200);
    }

    public Ocr withCommand(String v) {
        return new Ocr(enabled, v, languages, timePerImage, maxImageBytes, maxPixels, dpi);
    }

    public Ocr withTimePerImage(Duration v) {
        return new Ocr(enabled, command, languages, v, maxImageBytes, maxPixels, dpi);
    }

    public Ocr withMaxPixels(long v) {
        return new Ocr(enabled, command, languages, timePerImage, maxImageBytes, v, dpi);
    }

    /**
     * Why OCR cannot run as configured (Chinese first, with what to install), or null when the
     * command answers and has every language. Runs {@code tesseract --list-langs} (well under a second).
     */
    public String problem() {
        if (!enabled) {
            return null;
        }
        String install = "请安装 tesseract-ocr 和 tesseract-ocr-chi-sim，或用 --tesseract 指定程序路径";
        Process p;
        try {
            p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
        } catch (IOException e) {
            return "未找到文字识别程序 " + command + "，不能使用 --ocr（" + install + "） (tesseract not found)";
        }
        try {
            byte[] out = p.getInputStream().readNBytes(1 << 16);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "文字识别程序 " + command + " 无响应 (tesseract does not answer)";
            }
            Set<String> known = Set.of(new String(out, StandardCharsets.UTF_8).split("\\s+"));
            for (String lang : languages.split("\\+")) {
                if (!known.contains(lang)) {
                    return "文字识别程序缺少语言数据 " + lang + "（" + install + "） (tesseract language data missing: "
                            + lang + ")";
                }
            }
            return null;
        } catch (IOException e) {
            return "文字识别程序 " + command + " 无法运行 (tesseract cannot run): " + e.getMessage();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "检查被中断 (interrupted)";
        }
    }
}
