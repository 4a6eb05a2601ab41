package cn.baomi.scan.cli;

import cn.baomi.scan.Finding;
import cn.baomi.scan.ScanResult;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report (no scripts, fonts or links outside the file): a summary, then the
 * files with markings or findings, highest level first, then the files that could not be read.
 */
final class HtmlReport extends Report {

    private static final int MAX_ROWS_PER_FILE = 200;
    private final List<ScanResult> kept = new ArrayList<>();
    private final java.util.Map<ScanResult, Integer> totals = new java.util.IdentityHashMap<>();

    HtmlReport(PrintWriter out) {
        super(out);
    }

    @Override
    void result(ScanResult r) {
        if (r.found() || r.error() != null) {
            // keep only what the report shows, so a long scan does not hold every finding in memory
            ScanResult shown = r.findings().size() <= MAX_ROWS_PER_FILE ? r
                    : new ScanResult(r.path(), r.marking(), r.confidence(), r.findings().subList(0, MAX_ROWS_PER_FILE),
                            r.error(), r.bytes());
            kept.add(shown);
            totals.put(shown, r.findings().size());
        }
    }

    @Override
    void finish(Summary s) {
        kept.sort(Comparator.comparing((ScanResult r) -> r.marking() == null ? 9 : r.marking().ordinal())
                .thenComparing(r -> -totals.get(r)).thenComparing(ScanResult::path));
        out.println("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">");
        out.println("<title>保密检查报告</title><style>");
        out.println("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
                + "td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}"
                + "th{background:#f2f2f2}h2{margin-top:1.5em;font-size:1.1em;word-break:break-all}.lv{color:#fff;padding:.1em .5em;border-radius:3px}"
                + ".TOP_SECRET{background:#8b0000}.SECRET{background:#c0392b}.CONFIDENTIAL{background:#d35400}"
                + ".INTERNAL{background:#7f8c8d}.none{background:#2c3e50}.err{color:#a00}mark{background:#ffe08a}");
        out.println("</style></head><body>");
        out.println("<h1>保密检查报告 <small>(baomi-scan report)</small></h1>");
        out.printf(Locale.ROOT, "<p>生成时间：%s</p>%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        out.println("<table><tr><th>检查文件数</th><th>数据量</th><th>用时</th><th>发现标志或敏感内容</th><th>无法完整检查</th></tr>");
        out.printf(Locale.ROOT, "<tr><td>%d</td><td>%.1f MB</td><td>%.1f 秒</td><td>%d</td><td>%d</td></tr></table>%n",
                s.files(), s.bytes() / 1048576.0, s.seconds(), s.found(), s.errors());
        if (kept.isEmpty()) {
            out.println("<p>未发现密级标志或敏感内容。</p>");
        }
        for (ScanResult r : kept) {
            section(r);
        }
        out.println("</body></html>");
        out.flush();
    }

    private void section(ScanResult r) {
        String cls = r.marking() == null ? "none" : r.marking().name();
        String label = r.marking() == null ? (r.found() ? "敏感内容" : "错误") : r.marking().chinese();
        out.printf(Locale.ROOT, "<h2><span class=\"lv %s\">%s</span> %s</h2>%n", cls, esc(label), esc(r.path()));
        if (r.marking() != null) {
            out.printf(Locale.ROOT, "<p>密级：%s，置信度 %.2f</p>%n", esc(r.marking().chinese()), r.confidence());
        }
        if (r.error() != null) {
            out.printf("<p class=\"err\">未能完整检查：%s</p>%n", esc(r.error()));
        }
        if (r.findings().isEmpty()) {
            return;
        }
        out.println("<table><tr><th>规则</th><th>类别</th><th>内容</th><th>位置</th><th>上下文</th></tr>");
        for (Finding f : r.findings()) {
            out.printf("<tr><td>%s</td><td>%s</td><td><mark>%s</mark></td><td>%s</td><td>%s</td></tr>%n",
                    esc(TextReport.ruleName(f.rule())), esc(TextReport.category(f)), esc(f.text()), esc(f.location()),
                    highlight(f.snippet(), f.text()));
        }
        int total = totals.get(r);
        if (total > r.findings().size()) {
            out.printf("<tr><td colspan=\"5\">另有 %d 处未列出</td></tr>%n", total - r.findings().size());
        }
        out.println("</table>");
    }

    private static String highlight(String snippet, String text) {
        int i = text.isEmpty() ? -1 : snippet.indexOf(text);
        if (i < 0) {
            return esc(snippet);
        }
        return esc(snippet.substring(0, i)) + "<mark>" + esc(text) + "</mark>" + esc(snippet.substring(i + text.length()));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
