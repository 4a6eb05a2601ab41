package cn.baomi.server.carrier;

import java.util.List;

import cn.baomi.server.shared.print.PdfSheet;

/**
 * The layout of a sheet of copy labels: 2 × 8 labels on A4, each framed for cutting, with the QR code of the
 * ledger number on the left and, on the right, the ledger number, the copy number (份号) and the level. The title is
 * never printed on a label: the label is on the outside of the carrier.
 */
final class Labels {

    record Label(String ledgerNumber, String copyNumber, String level) {
    }

    static final int COLUMNS = 2;
    static final int ROWS = 8;

    private Labels() {
    }

    static void print(PdfSheet pdf, List<Label> labels, String copyNumberLabel) {
        float width = (pdf.width() - 2 * PdfSheet.MARGIN) / COLUMNS;
        float height = (pdf.height() - 2 * PdfSheet.MARGIN) / ROWS;
        float qr = height - 16;
        for (int i = 0; i < labels.size(); i++) {
            int onPage = i % (COLUMNS * ROWS);
            if (onPage == 0) {
                pdf.newPage();
            }
            float x = PdfSheet.MARGIN + (onPage % COLUMNS) * width;
            float bottom = pdf.height() - PdfSheet.MARGIN - (onPage / COLUMNS + 1) * height;
            Label label = labels.get(i);
            pdf.frame(x, bottom, width, height);
            pdf.qr(label.ledgerNumber(), x + 8, bottom + 8, qr);
            float textX = x + qr + 16;
            pdf.text(textX, bottom + height - 26, 9, label.ledgerNumber());
            pdf.text(textX, bottom + height - 46, 11, copyNumberLabel + " " + label.copyNumber());
            pdf.text(textX, bottom + height - 68, 14, label.level());
        }
    }
}
