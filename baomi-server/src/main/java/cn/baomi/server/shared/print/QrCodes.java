package cn.baomi.server.shared.print;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes for printed labels (ZXing): error correction M, UTF-8, a quiet zone of one module (the label frame gives
 * the rest). A USB scanner reading the code types its text, e.g. a copy's ledger number.
 */
public final class QrCodes {

    private QrCodes() {
    }

    public static BitMatrix encode(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET,
                            "UTF-8", EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + content.length() + " characters", e);
        }
    }
}
