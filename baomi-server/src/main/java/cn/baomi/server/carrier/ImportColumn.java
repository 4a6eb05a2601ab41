package cn.baomi.server.carrier;

import java.util.List;
import java.util.Set;

/**
 * The columns of the ledger import template (docs/decisions/printing.md): its Chinese header (the file format, found
 * by name in any order), whether a value is required, what may be entered (a message), and the fields of {@link CarrierForm}
 * whose rule violations are reported against it.
 */
enum ImportColumn {
    TITLE("标题", true, Set.of("title")),
    DOCUMENT_NUMBER("文号", false, Set.of("documentNumber")),
    TYPE("载体类型", true, Set.of("type")),
    LEVEL("密级", true, Set.of("level")),
    DURATION("保密期限", false, Set.of(SecrecyDuration.FIELD, "durationAmount", "durationUntil", "durationCondition")),
    COPIES("份数", true, Set.of("copies")),
    CUSTODIAN("保管人", true, Set.of("custodianId")),
    SAFE("保密柜编号", false, Set.of("safeId")),
    PLACE("存放位置", false, Set.of("place")),
    ORIGIN("来源", true, Set.of("origin")),
    ORIGIN_NAME("制作单位或来文单位", false, Set.of("originName")),
    CHANNEL("传递方式", false, Set.of("channel")),
    SCOPE("知悉范围", true, Set.of("scopePersonIds", "scopeDepartmentIds", "scopePositionIds", "scopeUnitIds")),
    UNIT("单位", false, Set.of("unitId"));

    private final String header;
    private final boolean required;
    private final Set<String> fields;

    ImportColumn(String header, boolean required, Set<String> fields) {
        this.header = header;
        this.required = required;
        this.fields = fields;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** The message key saying what may be entered. */
    String allowedKey() {
        return "carrier.import.allowed." + name();
    }

    static List<String> headers() {
        return java.util.Arrays.stream(values()).map(ImportColumn::header).toList();
    }

    /** The column a violated rule of {@link CarrierService#register} is reported against; null for the whole row. */
    static ImportColumn ofField(String field) {
        for (ImportColumn column : values()) {
            if (field != null && column.fields.contains(field)) {
                return column;
            }
        }
        return null;
    }

    /** Whether a header cell names this column; a trailing "*" (required mark) and spaces are ignored. */
    boolean matches(String cell) {
        return header.equals(cell.replace("*", "").replace("＊", "").strip());
    }
}
