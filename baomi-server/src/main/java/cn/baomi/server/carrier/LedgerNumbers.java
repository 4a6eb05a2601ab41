package cn.baomi.server.carrier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives out ledger numbers in the configured pattern ({@code baomi.carrier.ledger-number-pattern}; {unit} is the
 * unit's code, {year}, {level} the level's code, {seq:N} a sequence of N digits). The sequence is counted per
 * unit and per rendered prefix in a counter row updated in the caller's transaction, so concurrent
 * registrations queue on it and never share a number.
 */
@Component
class LedgerNumbers {

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d+))?}");

    private final JdbcClient jdbc;
    private final String pattern;

    LedgerNumbers(JdbcClient jdbc, @Value("${baomi.carrier.ledger-number-pattern:{unit}-{year}-{level}-{seq:5}}") String pattern) {
        this.jdbc = jdbc;
        this.pattern = SEQ.matcher(pattern).find() ? pattern : pattern + "-{seq:5}";
    }

    String next(long unitId, String unitCode, SecretLevel level, int year) {
        String rendered = pattern.replace("{unit}", unitCode).replace("{year}", String.valueOf(year))
                .replace("{level}", level.code());
        Matcher seq = SEQ.matcher(rendered);
        seq.find();
        int digits = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
        String prefix = rendered.substring(0, seq.start()) + "#" + rendered.substring(seq.end());
        long value = allocate(unitId, prefix);
        return rendered.substring(0, seq.start()) + String.format("%0" + digits + "d", value) + rendered.substring(seq.end());
    }

    private long allocate(long unitId, String prefix) {
        jdbc.sql("insert into ledger_counters (unit_id, prefix, last_value) values (?, ?, 0) on conflict do nothing")
                .params(unitId, prefix).update();
        jdbc.sql("update ledger_counters set last_value = last_value + 1 where unit_id = ? and prefix = ?")
                .params(unitId, prefix).update();
        return jdbc.sql("select last_value from ledger_counters where unit_id = ? and prefix = ?")
                .params(unitId, prefix).query(Long.class).single();
    }
}
