package cn.baomi.scan.cli;

import cn.baomi.scan.Finding;
import cn.baomi.scan.ScanResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Human-readable text: only files with something to say, then a summary line. */
final class TextReport extends Report {

    private static final int MAX_LINES_PER_FILE = 50;

    TextReport(PrintWriter out) {
        super(out);
    }

    @Override
    void result(ScanResult r) {
        if (!r.found() && r.error() == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (r.marking() != null) {
            sb.append('【').append(r.marking().chinese()).append("】 ").append(r.path())
                    .append(String.format(Locale.ROOT, "  (置信度 %.2f)", r.confidence()));
        } else {
            sb.append(r.found() ? "【敏感】 " : "【错误】 ").append(r.path());
        }
        sb.append('\n');
        int shown = 0;
        for (Finding f : r.findings()) {
            if (shown++ == MAX_LINES_PER_FILE) {
                sb.append("  …… 另有 ").append(r.findings().size() - MAX_LINES_PER_FILE).append(" 处 (more)\n");
                break;
            }
            sb.append("  ").append(ruleName(f.rule())).append(" [").append(category(f)).append("] ")
                    .append(f.location()).append("  ").append(f.text().replace('\n', ' '))
                    .append("  | ").append(f.snippet()).append('\n');
        }
        if (r.error() != null) {
            sb.append("  错误 (error): ").append(r.error()).append('\n');
        }
        out.print(sb);
        out.flush();
    }

    /** The category as a person reads it: the Chinese level name for markings. */
    static String category(Finding f) {
        if (f.rule().equals("marking")) {
            try {
                return cn.baomi.scan.Level.valueOf(f.category()).chinese();
            } catch (IllegalArgumentException e) {
                return f.category();
            }
        }
        return f.category();
    }

    static String ruleName(String rule) {
        return switch (rule) {
            case "marking" -> "密级标志";
            case "keyword" -> "关键词";
            case "resident-id" -> "身份证号";
            case "mobile" -> "手机号";
            case "doc-number" -> "公文文号";
            case "coordinate" -> "坐标";
            case "military-unit" -> "部队番号";
            default -> rule;
        };
    }

    @Override
    void finish(Summary s) {
        out.printf(Locale.ROOT, "共检查 %d 个文件（%.1f MB，%.1f 秒%s），%d 个发现密级标志或敏感内容，%d 个无法完整检查。%n",
                s.files(), s.bytes() / 1048576.0, s.seconds(), s.cached() > 0 ? "，" + s.cached() + " 个未改变沿用缓存" : "",
                s.found(), s.errors());
        out.flush();
    }
}
