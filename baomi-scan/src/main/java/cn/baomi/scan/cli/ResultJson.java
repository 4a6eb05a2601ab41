package cn.baomi.scan.cli;

import cn.baomi.scan.Finding;
import cn.baomi.scan.Level;
import cn.baomi.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One result as one line of JSON, and back. */
final class ResultJson {

    private ResultJson() {
    }

    static String write(ScanResult r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"path\":");
        Json.string(sb, r.path());
        sb.append(",\"marking\":");
        Json.string(sb, r.marking() == null ? null : r.marking().name());
        sb.append(",\"confidence\":").append(String.format(Locale.ROOT, "%.2f", r.confidence()));
        sb.append(",\"findings\":[");
        boolean first = true;
        for (Finding f : r.findings()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"rule\":");
            Json.string(sb, f.rule());
            sb.append(",\"category\":");
            Json.string(sb, f.category());
            sb.append(",\"text\":");
            Json.string(sb, f.text());
            sb.append(",\"location\":");
            Json.string(sb, f.location());
            sb.append(",\"snippet\":");
            Json.string(sb, f.snippet());
            sb.append(",\"score\":").append(String.format(Locale.ROOT, "%.2f", f.score())).append('}');
        }
        sb.append("],\"error\":");
        Json.string(sb, r.error());
        sb.append(",\"bytes\":").append(r.bytes()).append('}');
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static ScanResult read(String line) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(line);
        List<Finding> findings = new ArrayList<>();
        for (Object o : (List<Object>) m.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            findings.add(new Finding((String) f.get("rule"), (String) f.get("category"), (String) f.get("text"),
                    (String) f.get("location"), (String) f.get("snippet"), ((Double) f.get("score"))));
        }
        String marking = (String) m.get("marking");
        return new ScanResult((String) m.get("path"), marking == null ? null : Level.valueOf(marking),
                (Double) m.get("confidence"), findings, (String) m.get("error"), ((Double) m.get("bytes")).longValue());
    }
}
