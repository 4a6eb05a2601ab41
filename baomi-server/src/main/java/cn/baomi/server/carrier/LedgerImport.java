package cn.baomi.server.carrier;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.excel.XlsxReader;
import cn.baomi.server.shared.excel.XlsxWriter;

/**
 * Importing an existing ledger from .xlsx (issue 4 item 7): the secrecy office downloads the template, fills one row
 * per carrier and uploads it. Every row is read and then registered through {@link CarrierService#register} — the
 * same rules as the form — in ONE transaction: if any cell of any row is wrong nothing is imported, and the report
 * lists every bad row and cell with what is wrong and what is allowed. Both outcomes are audited.
 */
@Service
class LedgerImport {

    /** One problem of the report, in the user's language. {@code column} and {@code value} may be empty. */
    record Problem(int row, String column, String value, String message, String allowed) {
    }

    /** The outcome: imported (then the counts) or refused (then the problems, none imported). */
    record Report(boolean imported, int rows, int carriers, int copies, List<Problem> problems) {
    }

    /** A refused import: answered with 422 and the report. */
    static final class Refused extends BusinessRuleViolation {
        private final transient Report report;

        Refused(Report report) {
            super("file", "carrier.import.refused", report.problems().size());
            this.report = report;
        }

        Report report() {
            return report;
        }
    }

    private final CarrierService carriers;
    private final CarrierAccess access;
    private final SafeService safes;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    LedgerImport(CarrierService carriers, CarrierAccess access, SafeService safes, UnitDirectory units, AuditTrail audit,
                 MessageSource messages, PlatformTransactionManager transactions) {
        this.carriers = carriers;
        this.access = access;
        this.safes = safes;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The template: the columns in order, and a second sheet explaining what each takes. */
    byte[] template() {
        access.requireKeeper(CurrentUser.require());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(text("carrier.import.sheet"), ImportColumn.headers(), true);
            xlsx.sheet(text("carrier.import.help"), List.of(text("carrier.import.help.column"),
                    text("carrier.import.help.required"), text("carrier.import.help.allowed")), false);
            for (ImportColumn column : ImportColumn.values()) {
                xlsx.row(column.header(), text(column.required() ? "carrier.import.help.yes" : "carrier.import.help.no"),
                        text(column.allowedKey()));
            }
            xlsx.writeTo(out);
        }
        return out.toByteArray();
    }

    /** Imports every row or none; throws {@link Refused} with the full report when any row is wrong. */
    Report importLedger(byte[] file) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        List<XlsxReader.Row> rows;
        try {
            rows = XlsxReader.read(file, XlsxReader.Limits.standard());
        } catch (BusinessRuleViolation e) {
            throw refuse(0, List.of(new ImportRows.Problem(0, null, "", e.messageKey(), e.arguments())));
        }
        Viewer viewer = access.viewer(user);
        List<UnitSummary> kept = units.activeUnits().stream().filter(u -> viewer.keeps(u.id())).toList();
        // an account without a unit must name one in every row: registration refuses unit -1 as out of scope
        ImportRows reader = new ImportRows(labels(), user.unitId() == null ? -1L : user.unitId(), kept, access::activePersonsOf,
                unit -> safes.list().stream().filter(s -> s.unitId() == unit).toList(), units::activeDepartments,
                units::activePositions);
        List<ImportRows.Problem> problems = new ArrayList<>(rows.isEmpty() ? List.of() : reader.header(rows.get(0)));
        List<XlsxReader.Row> data = rows.isEmpty() ? List.of() : rows.subList(1, rows.size());
        if (data.isEmpty()) {
            problems.add(new ImportRows.Problem(rows.isEmpty() ? 0 : rows.get(0).number(), null, "",
                    "carrier.import.noRows"));
        }
        if (!problems.isEmpty()) {
            throw refuse(data.size(), problems);
        }
        int[] copies = {0};
        List<ImportRows.Problem> found = transaction.execute(status -> {
            List<ImportRows.Problem> all = new ArrayList<>();
            for (XlsxReader.Row row : data) {
                ImportRows.Parsed parsed = reader.parse(row);
                all.addAll(parsed.problems());
                if (parsed.form() == null) {
                    continue;
                }
                try {
                    carriers.register(parsed.form());
                    copies[0] += parsed.form().getCopies();
                } catch (BusinessRuleViolation e) {
                    all.add(reader.violation(row, e.field(), e.messageKey(), e.arguments()));
                } catch (DataAccessException e) {
                    all.add(new ImportRows.Problem(row.number(), null, "", "carrier.import.notSaved"));
                    break;
                }
            }
            if (!all.isEmpty()) {
                status.setRollbackOnly();
            }
            return all;
        });
        if (!found.isEmpty()) {
            throw refuse(data.size(), found);
        }
        audit.record(AuditRecord.success("CARRIER_IMPORTED", "carrier", null)
                .withDetail("rows=" + data.size() + " copies=" + copies[0]));
        return new Report(true, data.size(), data.size(), copies[0], List.of());
    }

    private Refused refuse(int rows, List<ImportRows.Problem> problems) {
        List<Problem> report = problems.stream().map(this::resolve).toList();
        long badRows = problems.stream().mapToInt(ImportRows.Problem::row).distinct().count();
        audit.record(new AuditRecord("CARRIER_IMPORT_REFUSED", "carrier", null, AuditRecord.Outcome.FAILURE,
                "rows=" + rows + " badRows=" + badRows + " problems=" + problems.size()));
        return new Refused(new Report(false, rows, 0, 0, report));
    }

    private Problem resolve(ImportRows.Problem p) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage(p.key(), p.arguments(), p.key(), locale);
        return new Problem(p.row(), p.column() == null ? "" : p.column().header(), p.value() == null ? "" : p.value(),
                message, p.column() == null ? "" : text(p.column().allowedKey()));
    }

    /** What a cell may say for each enum value: its Chinese and English labels, its name, and common short forms. */
    private Map<String, Object> labels() {
        Map<String, Object> labels = new HashMap<>();
        label(labels, "carrier.type.", CarrierType.values());
        label(labels, "carrier.level.", SecretLevel.values());
        label(labels, "carrier.origin.", Origin.values());
        label(labels, "carrier.channel.", Channel.values());
        Map<String, Enum<?>> aliases = Map.of("纸质", CarrierType.PAPER, "纸", CarrierType.PAPER,
                "光盘", CarrierType.OPTICAL, "磁盘", CarrierType.MAGNETIC, "硬盘", CarrierType.MAGNETIC,
                "U盘", CarrierType.FLASH, "电介质", CarrierType.FLASH, "本单位", Origin.OWN_UNIT,
                "来文", Origin.RECEIVED, "定点单位", Origin.QUALIFIED_MAKER);
        aliases.forEach((text, value) -> labels.put(key(value, text), value));
        return labels;
    }

    private void label(Map<String, Object> labels, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            labels.put(key(value, value.name()), value);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(prefix + value.name(), null, null, locale);
                if (label != null) {
                    labels.put(key(value, label), value);
                }
            }
        }
    }

    private static String key(Enum<?> value, String text) {
        return value.getDeclaringClass().getSimpleName() + ":" + text.strip().toUpperCase(Locale.ROOT);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
