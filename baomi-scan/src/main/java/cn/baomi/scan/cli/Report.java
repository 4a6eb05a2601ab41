package cn.baomi.scan.cli;

import cn.baomi.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;

/** Writes results in one output format. Calls are serialised by the caller. */
abstract class Report {

    /** Totals of a run. */
    record Summary(int files, int found, int errors, int cached, long bytes, double seconds) {
    }

    protected final PrintWriter out;

    Report(PrintWriter out) {
        this.out = out;
    }

    static Report of(Options.Format format, PrintWriter out) {
        return switch (format) {
            case TEXT -> new TextReport(out);
            case JSONL -> new JsonlReport(out);
            case HTML -> new HtmlReport(out);
        };
    }

    abstract void result(ScanResult r);

    abstract void finish(Summary s) throws IOException;

    static String levelName(cn.baomi.scan.Level level) {
        return level == null ? "无" : level.chinese();
    }

    /** JSONL: exactly one object per top-level file. */
    static final class JsonlReport extends Report {
        JsonlReport(PrintWriter out) {
            super(out);
        }

        @Override
        void result(ScanResult r) {
            out.println(ResultJson.write(r));
        }

        @Override
        void finish(Summary s) {
            out.flush();
        }
    }
}
