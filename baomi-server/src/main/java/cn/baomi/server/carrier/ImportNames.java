package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.baomi.server.organization.PartSummary;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitSummary;

/**
 * The names an import sheet uses, looked up in the organisation (docs/decisions/printing.md): units the importer
 * keeps by name or code, and persons, departments and positions of the carrier's unit by name — a scope entry with a
 * prefix (部门：, 岗位：, 人员：, 单位：) when a name alone would be ambiguous. What cannot be found is a problem of the
 * cell, saying what may be written instead. The lists of each unit are read once per import.
 */
final class ImportNames {

    /** Where the problems of one cell go: a message key and its arguments. */
    interface Problems {
        void add(String key, Object... arguments);
    }

    private static final Pattern PERSON_ID = Pattern.compile("^(.*)#(\\d{1,18})$");
    /** A scope entry written with its kind: 部门：办公室, 岗位:机要员, 人员：张三, 单位：市财政局. */
    private static final Pattern KIND_PREFIX = Pattern.compile("^(部门|岗位|人员|单位)\\s*[:：]\\s*(.*)$");

    private final List<UnitSummary> units;
    private final Function<Long, List<PersonSummary>> personsOf;
    private final Function<Long, List<PartSummary>> departmentsOf;
    private final Function<Long, List<PartSummary>> positionsOf;
    private final Map<Long, List<PersonSummary>> persons = new HashMap<>();
    private final Map<Long, List<PartSummary>> departmentsByUnit = new HashMap<>();
    private final Map<Long, List<PartSummary>> positionsByUnit = new HashMap<>();

    ImportNames(List<UnitSummary> units, Function<Long, List<PersonSummary>> personsOf,
                Function<Long, List<PartSummary>> departmentsOf, Function<Long, List<PartSummary>> positionsOf) {
        this.units = units;
        this.personsOf = personsOf;
        this.departmentsOf = departmentsOf;
        this.positionsOf = positionsOf;
    }

    /**
     * The scope: 本单位, units by name or code, and departments, positions and persons of the carrier's unit by name —
     * with a prefix (部门：, 岗位：, 人员：, 单位：) when a name alone is ambiguous or to be explicit.
     */
    void scope(String text, long unit, CarrierForm form, Problems problems) {
        for (String item : text.split("[、;；,，\\n]")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher prefixed = KIND_PREFIX.matcher(entry);
            if (prefixed.matches()) {
                scopeOfKind(problems, form, unit, prefixed.group(1), prefixed.group(2).strip());
                continue;
            }
            if (entry.equals("本单位")) {
                form.getScopeUnitIds().add(unit);
                continue;
            }
            UnitSummary named = unit(entry);
            if (named != null) {
                form.getScopeUnitIds().add(named.id());
                continue;
            }
            scopeByName(problems, form, unit, entry);
        }
    }

    /** A name without a prefix: a department, a position or a person of the unit — exactly one of them. */
    private void scopeByName(Problems problems, CarrierForm form, long unit, String name) {
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
            problems.add("carrier.import.ambiguousScope", name, String.join("、", kinds),
                    kinds.get(0) + "：" + name);
        } else if (department != null) {
            form.getScopeDepartmentIds().add(department.id());
        } else if (position != null) {
            form.getScopePositionIds().add(position.id());
        } else if (person) {
            Long id = person(name, unit, problems);
            if (id != null) {
                form.getScopePersonIds().add(id);
            }
        } else {
            problems.add("carrier.import.unknownScope", name,
                    ScopeParts.names(departmentsByUnit.get(unit)),
                    ScopeParts.names(positionsByUnit.get(unit)));
        }
    }

    private void scopeOfKind(Problems problems, CarrierForm form, long unit, String kind, String name) {
        switch (kind) {
            case "部门" -> {
                List<PartSummary> all = departmentsByUnit.computeIfAbsent(unit, departmentsOf);
                PartSummary found = partNamed(all, name);
                if (found == null) {
                    problems.add("carrier.import.unknownDepartment", name, ScopeParts.names(all));
                } else {
                    form.getScopeDepartmentIds().add(found.id());
                }
            }
            case "岗位" -> {
                List<PartSummary> all = positionsByUnit.computeIfAbsent(unit, positionsOf);
                PartSummary found = partNamed(all, name);
                if (found == null) {
                    problems.add("carrier.import.unknownPosition", name, ScopeParts.names(all));
                } else {
                    form.getScopePositionIds().add(found.id());
                }
            }
            case "单位" -> {
                UnitSummary found = name.equals("本单位") ? null : unit(name);
                if (name.equals("本单位")) {
                    form.getScopeUnitIds().add(unit);
                } else if (found == null) {
                    problems.add("carrier.import.unknownUnit", name);
                } else {
                    form.getScopeUnitIds().add(found.id());
                }
            }
            default -> {
                Long id = person(name, unit, problems);
                if (id != null) {
                    form.getScopePersonIds().add(id);
                }
            }
        }
    }

    /** A unit the importer keeps, by name or code; null when there is none. */
    UnitSummary unit(String name) {
        return units.stream().filter(u -> u.name().equals(name) || name.equalsIgnoreCase(u.code())).findFirst()
                .orElse(null);
    }

    private static PartSummary partNamed(List<PartSummary> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** A person of the unit named by name, by "name#id" or "#id"; a problem when unknown or ambiguous. */
    Long person(String text, long unit, Problems problems) {
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
            problems.add("carrier.import.unknownPerson", text);
        } else {
            problems.add("carrier.import.ambiguousPerson", text,
                    String.join("、", found.stream().map(p -> p.name() + "#" + p.id()).toList()));
        }
        return null;
    }
}
