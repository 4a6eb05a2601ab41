package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.baomi.server.organization.PartSummary;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.excel.XlsxReader;

/**
 * Turns the rows of an import sheet into registration forms: each cell is read against what its column allows
 * ({@link ImportColumn}), names (persons, departments, positions) are looked up in the carrier's unit, and every cell
 * that cannot be read becomes a problem of its row. What registration itself checks (durations, scope, holders, places) is left to
 * {@link CarrierService#register}, so that there is one set of rules.
 */
final class ImportRows {

    /** A cell (or, without a column, a whole row or the file) that cannot be imported, as a message key. */
    record Problem(int row, ImportColumn column, String value, String key, Object... arguments) {
    }

    /** A row read into a form, or the problems that kept it from being read. */
    record Parsed(int row, CarrierForm form, List<Problem> problems) {
    }

    private static final Pattern YEARS = Pattern.compile("(\\d{1,3})\\s*年");
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,4})\\s*个?月");
    private static final Pattern CONDITION = Pattern.compile("^(?:解密)?条件\\s*[:：]\\s*(.+)$");
    private static final Pattern PERSON_ID = Pattern.compile("^(.*)#(\\d{1,18})$");
    /** A scope entry written with its kind: 部门：办公室, 岗位:机要员, 人员：张三, 单位：市财政局. */
    private static final Pattern KIND_PREFIX = Pattern.compile("^(部门|岗位|人员|单位)\\s*[:：]\\s*(.*)$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));

    private final Map<String, Object> labels;
    private final long defaultUnit;
    private final List<UnitSummary> units;
    private final Function<Long, List<PersonSummary>> personsOf;
    private final Function<Long, List<Safe>> safesOf;
    private final Function<Long, List<PartSummary>> departmentsOf;
    private final Function<Long, List<PartSummary>> positionsOf;
    private final Map<Long, List<PersonSummary>> persons = new HashMap<>();
    private final Map<Long, List<PartSummary>> departmentsByUnit = new HashMap<>();
    private final Map<Long, List<PartSummary>> positionsByUnit = new HashMap<>();
    private Map<ImportColumn, Integer> positions;

    /**
     * @param labels    what a user may type for each enum value (its Chinese label, and the constant's name)
     * @param units     the units the importer keeps
     * @param personsOf the active persons of a unit
     * @param safesOf   the safes of a unit
     * @param departmentsOf the active departments of a unit
     * @param positionsOf   the active positions of a unit
     */
    ImportRows(Map<String, Object> labels, long defaultUnit, List<UnitSummary> units,
               Function<Long, List<PersonSummary>> personsOf, Function<Long, List<Safe>> safesOf,
               Function<Long, List<PartSummary>> departmentsOf, Function<Long, List<PartSummary>> positionsOf) {
        this.labels = labels;
        this.defaultUnit = defaultUnit;
        this.units = units;
        this.personsOf = personsOf;
        this.safesOf = safesOf;
        this.departmentsOf = departmentsOf;
        this.positionsOf = positionsOf;
    }

    /** Finds the columns in the header row; problems name each required column that is missing. */
    List<Problem> header(XlsxReader.Row header) {
        positions = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            for (ImportColumn column : ImportColumn.values()) {
                if (column.matches(header.cell(i)) && !positions.containsKey(column)) {
                    positions.put(column, i);
                }
            }
        }
        List<Problem> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(new Problem(header.number(), column, "", "carrier.import.missingColumn", column.header()));
            }
        }
        return missing;
    }

    /** A problem found by registration for the column of {@code field}, with what the row says there. */
    Problem violation(XlsxReader.Row row, String field, String key, Object... arguments) {
        ImportColumn column = ImportColumn.ofField(field);
        Integer position = column == null ? null : positions.get(column);
        return new Problem(row.number(), column, position == null ? "" : row.cell(position), key, arguments);
    }

    Parsed parse(XlsxReader.Row row) {
        List<Problem> problems = new ArrayList<>();
        Cells cells = new Cells(row, problems);
        CarrierForm form = new CarrierForm();
        form.setTitle(cells.text(ImportColumn.TITLE, 200));
        form.setDocumentNumber(cells.text(ImportColumn.DOCUMENT_NUMBER, 100));
        form.setType(cells.choice(ImportColumn.TYPE, CarrierType.class));
        form.setLevel(cells.choice(ImportColumn.LEVEL, SecretLevel.class));
        duration(cells, form);
        form.setCopies(cells.number(ImportColumn.COPIES, 1, 100));
        Origin origin = cells.choice(ImportColumn.ORIGIN, Origin.class);
        form.setOrigin(origin == null ? Origin.OWN_UNIT : origin);
        form.setOriginName(cells.text(ImportColumn.ORIGIN_NAME, 100));
        form.setChannel(cells.choice(ImportColumn.CHANNEL, Channel.class));
        long unit = unit(cells);
        form.setUnitId(unit);
        form.setCustodianId(person(cells, ImportColumn.CUSTODIAN, cells.get(ImportColumn.CUSTODIAN), unit));
        form.setPlace(cells.text(ImportColumn.PLACE, 100));
        String safe = cells.get(ImportColumn.SAFE);
        if (!safe.isEmpty()) {
            safesOf.apply(unit).stream().filter(s -> s.number().equalsIgnoreCase(safe)).findFirst().ifPresentOrElse(
                    s -> form.setSafeId(s.id()),
                    () -> cells.problem(ImportColumn.SAFE, "carrier.import.unknownSafe", safe));
            if (form.getPlace() != null) {
                cells.problem(ImportColumn.PLACE, "carrier.import.safeAndPlace");
            }
        }
        scope(cells, form, unit);
        return new Parsed(row.number(), problems.isEmpty() ? form : null, problems);
    }

    private void duration(Cells cells, CarrierForm form) {
        String text = cells.get(ImportColumn.DURATION);
        Matcher years = YEARS.matcher(text);
        Matcher months = MONTHS.matcher(text);
        Matcher condition = CONDITION.matcher(text);
        if (text.isEmpty() || text.equals("默认")) {
            form.setDurationKind(SecrecyDuration.Kind.DEFAULT);
        } else if (text.equals("长期")) {
            form.setDurationKind(SecrecyDuration.Kind.LONG_TERM);
        } else if (years.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.YEARS);
            form.setDurationAmount(Integer.parseInt(years.group(1)));
        } else if (months.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.MONTHS);
            form.setDurationAmount(Integer.parseInt(months.group(1)));
        } else if (condition.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.UNTIL_CONDITION);
            form.setDurationCondition(condition.group(1).strip());
        } else {
            LocalDate date = date(text);
            if (date == null) {
                cells.problem(ImportColumn.DURATION, "carrier.import.unreadable");
            } else {
                form.setDurationKind(SecrecyDuration.Kind.UNTIL_DATE);
                form.setDurationUntil(date);
            }
        }
    }

    private long unit(Cells cells) {
        String text = cells.get(ImportColumn.UNIT);
        if (text.isEmpty()) {
            return defaultUnit;
        }
        return units.stream().filter(u -> u.name().equals(text) || text.equalsIgnoreCase(u.code())).findFirst()
                .map(UnitSummary::id).orElseGet(() -> {
                    cells.problem(ImportColumn.UNIT, "carrier.import.unknownUnit", text);
                    return defaultUnit;
                });
    }

    /**
     * The scope: 本单位, units by name or code, and departments, positions and persons of the carrier's unit by name —
     * with a prefix (部门：, 岗位：, 人员：, 单位：) when a name alone is ambiguous or to be explicit.
     */
    private void scope(Cells cells, CarrierForm form, long unit) {
        String text = cells.get(ImportColumn.SCOPE);
        for (String item : text.split("[、;；,，\\n]")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher prefixed = KIND_PREFIX.matcher(entry);
            if (prefixed.matches()) {
                scopeOfKind(cells, form, unit, prefixed.group(1), prefixed.group(2).strip());
                continue;
            }
            if (entry.equals("本单位")) {
                form.getScopeUnitIds().add(unit);
                continue;
            }
            UnitSummary named = unitNamed(entry);
            if (named != null) {
                form.getScopeUnitIds().add(named.id());
                continue;
            }
            scopeByName(cells, form, unit, entry);
        }
    }

    /** A name without a prefix: a department, a position or a person of the unit — exactly one of them. */
    private void scopeByName(Cells cells, CarrierForm form, long unit, String name) {
        PartSummary department = partNamed(departmentsByUnit.computeIfAbsent(unit, departmentsOf), name);
        PartSummary position = partNamed(positionsByUnit.computeIfAbsent(unit, positionsOf), name);
        boolean person = PERSON_ID.matcher(name).matches()
                || persons.computeIfAbsent(unit, personsOf).stream().anyMatch(p -> p.name().equals(name));
        List<String> kinds = new ArrayList<>();
        if (department != null) {
            kinds.add("部门");
        }
        if (position != null) {
            kinds.add("岗位");
        }
        if (person) {
            kinds.add("人员");
        }
        if (kinds.size() > 1) {
            cells.problem(ImportColumn.SCOPE, "carrier.import.ambiguousScope", name, String.join("、", kinds),
                    kinds.get(0) + "：" + name);
        } else if (department != null) {
            form.getScopeDepartmentIds().add(department.id());
        } else if (position != null) {
            form.getScopePositionIds().add(position.id());
        } else if (person) {
            Long id = person(cells, ImportColumn.SCOPE, name, unit);
            if (id != null) {
                form.getScopePersonIds().add(id);
            }
        } else {
            cells.problem(ImportColumn.SCOPE, "carrier.import.unknownScope", name,
                    ScopeParts.names(departmentsByUnit.get(unit)),
                    ScopeParts.names(positionsByUnit.get(unit)));
        }
    }

    private void scopeOfKind(Cells cells, CarrierForm form, long unit, String kind, String name) {
        switch (kind) {
            case "部门" -> {
                List<PartSummary> all = departmentsByUnit.computeIfAbsent(unit, departmentsOf);
                PartSummary found = partNamed(all, name);
                if (found == null) {
                    cells.problem(ImportColumn.SCOPE, "carrier.import.unknownDepartment", name, ScopeParts.names(all));
                } else {
                    form.getScopeDepartmentIds().add(found.id());
                }
            }
            case "岗位" -> {
                List<PartSummary> all = positionsByUnit.computeIfAbsent(unit, positionsOf);
                PartSummary found = partNamed(all, name);
                if (found == null) {
                    cells.problem(ImportColumn.SCOPE, "carrier.import.unknownPosition", name, ScopeParts.names(all));
                } else {
                    form.getScopePositionIds().add(found.id());
                }
            }
            case "单位" -> {
                UnitSummary found = name.equals("本单位") ? null : unitNamed(name);
                if (name.equals("本单位")) {
                    form.getScopeUnitIds().add(unit);
                } else if (found == null) {
                    cells.problem(ImportColumn.SCOPE, "carrier.import.unknownUnit", name);
                } else {
                    form.getScopeUnitIds().add(found.id());
                }
            }
            default -> {
                Long id = person(cells, ImportColumn.SCOPE, name, unit);
                if (id != null) {
                    form.getScopePersonIds().add(id);
                }
            }
        }
    }

    private UnitSummary unitNamed(String name) {
        return units.stream().filter(u -> u.name().equals(name) || name.equalsIgnoreCase(u.code())).findFirst()
                .orElse(null);
    }

    private static PartSummary partNamed(List<PartSummary> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** A person of the unit named by name, by "name#id" or "#id"; a problem when unknown or ambiguous. */
    private Long person(Cells cells, ImportColumn column, String text, long unit) {
        if (text.isEmpty()) {
            return null;
        }
        List<PersonSummary> candidates = persons.computeIfAbsent(unit, personsOf);
        Matcher byId = PERSON_ID.matcher(text);
        List<PersonSummary> found;
        if (byId.matches()) {
            long id = Long.parseLong(byId.group(2));
            String name = byId.group(1).strip();
            found = candidates.stream().filter(p -> p.id() == id && (name.isEmpty() || p.name().equals(name))).toList();
        } else {
            found = candidates.stream().filter(p -> p.name().equals(text)).toList();
        }
        if (found.size() == 1) {
            return found.get(0).id();
        }
        if (found.isEmpty()) {
            cells.problem(column, "carrier.import.unknownPerson", text);
        } else {
            cells.problem(column, "carrier.import.ambiguousPerson", text,
                    String.join("、", found.stream().map(p -> p.name() + "#" + p.id()).toList()));
        }
        return null;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    /** The cells of one row by column, noting a problem for each that cannot be read. */
    private final class Cells {

        private final XlsxReader.Row row;
        private final List<Problem> problems;

        Cells(XlsxReader.Row row, List<Problem> problems) {
            this.row = row;
            this.problems = problems;
        }

        String get(ImportColumn column) {
            Integer position = positions.get(column);
            String value = position == null ? "" : row.cell(position).strip();
            if (value.isEmpty() && column.required()) {
                problem(column, "carrier.import.required");
            }
            return value;
        }

        String text(ImportColumn column, int max) {
            String value = get(column);
            if (value.length() > max) {
                problem(column, "carrier.import.tooLong", max);
            }
            return value.isEmpty() ? null : value;
        }

        Integer number(ImportColumn column, int min, int max) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                int n = new java.math.BigDecimal(value).intValueExact();
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            problem(column, "carrier.import.unreadable");
            return null;
        }

        <E extends Enum<E>> E choice(ImportColumn column, Class<E> type) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            Object found = labels.get(type.getSimpleName() + ":" + value.toUpperCase(Locale.ROOT));
            if (type.isInstance(found)) {
                return type.cast(found);
            }
            problem(column, "carrier.import.unreadable");
            return null;
        }

        void problem(ImportColumn column, String key, Object... arguments) {
            Integer position = column == null ? null : positions.get(column);
            String value = position == null ? "" : row.cell(position);
            problems.add(new Problem(row.number(), column, value, key, arguments));
        }
    }
}
