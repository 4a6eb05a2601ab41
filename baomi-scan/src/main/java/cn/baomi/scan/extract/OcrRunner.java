package cn.baomi.scan.extract;

import cn.baomi.scan.Ocr;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Recognises text in images and in image-only PDF pages with the tesseract command, one process
 * per image, killed when its time is up (the smaller of the per-image limit and what is left of
 * the file's). Images are measured from their header before anything is decoded; PDF pages are
 * rendered in grey at the configured resolution, lowered to fit the pixel limit.
 */
final class OcrRunner {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp",
            "image/x-ms-bmp");
    private final Ocr ocr;

    OcrRunner(Ocr ocr) {
        this.ocr = ocr;
    }

    static boolean isImage(String mediaType) {
        return IMAGE_TYPES.contains(mediaType);
    }

    /** Why a recognition was not done or failed; reported for the file, the scan goes on. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** The text in an image file. */
    String image(Path file, Budget budget) throws Failure, IOException {
        long size = Files.size(file);
        if (size > ocr.maxImageBytes()) {
            throw new Failure("图像文件大小超过 " + (ocr.maxImageBytes() >> 20) + " MB，未识别文字 (image larger than the OCR limit)");
        }
        long pixels = pixels(file);
        if (pixels > ocr.maxPixels()) {
            throw new Failure("图像有 " + pixels + " 像素，超过上限 " + ocr.maxPixels() + "，未识别文字 (image larger than the OCR pixel limit)");
        }
        return run(file, budget);
    }

    /** Recognises every page of a PDF that has images but no text; each page's text goes to {@code pages}. */
    void pdfPages(Path file, Budget budget, Consumer<String> pages) throws Failure, IOException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(file.toFile());
        } catch (IOException e) {
            return; // encrypted or broken: the text parser has reported it already
        }
        try (doc) {
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                budget.check();
                PDPage page = doc.getPage(i);
                if (!hasImages(page)) {
                    continue;
                }
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                if (!stripper.getText(doc).isBlank()) {
                    continue;
                }
                PDRectangle box = page.getCropBox();
                double area = Math.max(1, (double) box.getWidth() * box.getHeight());
                double scale = Math.min(ocr.dpi() / 72.0, Math.sqrt(ocr.maxPixels() / area));
                Path png = Files.createTempFile("baomi-ocr-page-", ".png");
                try {
                    BufferedImage image = renderer.renderImage(i, (float) scale, ImageType.GRAY);
                    ImageIO.write(image, "png", png.toFile());
                    pages.accept(run(png, budget));
                } finally {
                    Files.deleteIfExists(png);
                }
            }
        }
    }

    /** Scanned pages are image XObjects (or forms holding them); a page without any is blank. */
    private static boolean hasImages(PDPage page) {
        PDResources resources = page.getResources();
        return resources != null && resources.getXObjectNames().iterator().hasNext();
    }

    /** Width × height from the image header (nothing decoded); 0 when the format is unknown to the JDK. */
    private static long pixels(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private String run(Path image, Budget budget) throws Failure, IOException {
        long waitMillis = Math.min(ocr.timePerImage().toMillis(), budget.millisLeft());
        Path out = Files.createTempFile("baomi-ocr-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(ocr.command(), image.toString(), "stdout", "-l", ocr.languages(),
                    "--psm", "3").redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            // one core per recognition: the workers already use all of them
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
            try {
                if (!p.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new Failure("文字识别超过 " + Math.max(1, waitMillis / 1000) + " 秒，已终止 (OCR time limit reached)");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new LimitException("检查被中断 (interrupted)");
            }
            if (p.exitValue() != 0) {
                throw new Failure("文字识别失败 (OCR failed, tesseract exit code " + p.exitValue() + ")");
            }
            long maxBytes = Math.min(Files.size(out), Math.max(0, budget.charsLeft()) * 4 + 4);
            try (InputStream in = Files.newInputStream(out)) {
                return new String(in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16)), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
