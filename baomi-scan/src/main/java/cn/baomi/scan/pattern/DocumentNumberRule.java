package cn.baomi.scan.pattern;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Official document numbers (发文字号) such as 国办发〔2024〕12号, tolerant of OCR brackets. */
final class DocumentNumberRule {

    private static final int WINDOW = 40;
    private static final Pattern NUMBER = Pattern.compile(
            "([\\p{IsHan}A-Za-z]{1,12})\\s*[〔\\[【（(［]\\s*((?:19|20)\\d{2})\\s*[〕\\]】）)］]\\s*第?\\s*(\\d{1,5})\\s*号$");

    private DocumentNumberRule() {
    }

    static void scan(CharSequence text, List<PatternHit> hits) {
        int n = text.length();
        for (int j = 0; j < n; j++) {
            if (text.charAt(j) != '号' || j < 7 || !PatternScanner.isDigit(text.charAt(j - 1))
                    && !Character.isWhitespace(text.charAt(j - 1))) {
                continue;
            }
            int from = Math.max(0, j - WINDOW);
            Matcher m = NUMBER.matcher(text.subSequence(from, j + 1));
            if (m.find()) {
                hits.add(new PatternHit("doc-number", "公文文号", from + m.start(), j + 1));
            }
        }
    }
}
