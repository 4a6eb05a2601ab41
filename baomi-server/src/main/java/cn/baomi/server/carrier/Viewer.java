package cn.baomi.server.carrier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one user may see of the ledger, as parameters of one SQL condition so that lists are filtered in the
 * database before paging. Keeper units: the secrecy office sees everything of them; {@code keepsEveryUnit}: they
 * are every unit there is (the office at the top of the only tree). Reader units: there a person sees copies they
 * hold or are to receive, and carriers whose level their clearance covers and whose scope names them, their
 * department, their position or their unit.
 */
record Viewer(Set<Long> keeperUnits, boolean keepsEveryUnit, Set<Long> readerUnits, Long personId, Long unitId,
              Long departmentId, Long positionId, Set<SecretLevel> levels) {

    private static final long NONE = -1L;

    /** What a person sees in their reader units: what they hold or are to receive, and what the scope names them in. */
    private static final String READER = """
            (cp.custodian_id = :viewerPerson or cp.pending_custodian_id = :viewerPerson
             or cp.borrower_id = :viewerPerson
             or (c.secret_level in (:viewerLevels) and exists (select 1 from carrier_scope s
                 where s.carrier_id = c.id and s.revoked_at is null and ((s.kind = 'PERSON' and s.ref_id = :viewerPerson)
                     or (s.kind = 'DEPARTMENT' and s.ref_id = :viewerDepartment)
                     or (s.kind = 'POSITION' and s.ref_id = :viewerPosition)
                     or (s.kind = 'UNIT' and s.ref_id = :viewerUnit)))))""";

    /**
     * The condition on a copy {@code cp} of carrier {@code c}. Its last line adds nothing to who sees what: a copy
     * always belongs to its carrier's unit. It lets the database find the copies of the viewer's units by
     * {@code ix_copies_unit} instead of reading all copies (docs/benchmarks.md).
     */
    static final String VISIBLE = "((c.unit_id in (:keeperUnits) or (c.unit_id in (:readerUnits) and " + READER + "))"
            + " and cp.unit_id in (:viewerUnits))";

    /**
     * {@link #VISIBLE} without the branches that cannot match for this viewer, so that the database plans only what
     * is needed (docs/decisions/ledger-performance.md): the same rows, with the same parameters. A keeper who also
     * reads only in units they keep (the secrecy office) needs the keeper branch alone, and no unit at all when they
     * keep every unit; a person who keeps nothing the reader branch alone; nobody, no row.
     */
    String visible() {
        boolean keeps = !keeperUnits.isEmpty();
        boolean reads = personId != null && !readerUnits.isEmpty() && !keeperUnits.containsAll(readerUnits);
        if (keeps && reads) {
            return VISIBLE;
        }
        if (keeps && keepsEveryUnit) {
            // every copy is of a unit kept: no list for the planners to weigh (decided from the cached unit tree)
            return "(1 = 1)";
        }
        if (keeps) {
            // not also "cp.unit_id in (...)": with both lists H2 counted a city's page in 16-28 s instead of 0.1 s
            return "(c.unit_id in (:keeperUnits))";
        }
        if (reads) {
            return "(c.unit_id in (:readerUnits) and " + READER + " and cp.unit_id in (:readerUnits))";
        }
        return "(1 = 0)";
    }

    static Viewer nobody() {
        return new Viewer(Set.of(), false, Set.of(), null, null, null, null, Set.of());
    }

    boolean keeps(long unitId) {
        return keeperUnits.contains(unitId);
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("keeperUnits", keeperUnits.isEmpty() ? List.of(NONE) : List.copyOf(keeperUnits));
        List<Long> readers = readerUnits.isEmpty() || personId == null ? List.of() : List.copyOf(readerUnits);
        p.put("readerUnits", readers.isEmpty() ? List.of(NONE) : readers);
        Set<Long> units = new HashSet<>(keeperUnits);
        units.addAll(readers);
        p.put("viewerUnits", units.isEmpty() ? List.of(NONE) : List.copyOf(units));
        p.put("viewerPerson", orNone(personId));
        p.put("viewerDepartment", orNone(departmentId));
        p.put("viewerPosition", orNone(positionId));
        p.put("viewerUnit", orNone(unitId));
        p.put("viewerLevels", levels.isEmpty() ? List.of("-") : levels.stream().map(Enum::name).toList());
        return p;
    }

    private static long orNone(Long id) {
        return id == null ? NONE : id;
    }
}
