package cn.baomi.server.carrier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one user may see of the ledger, as parameters of one SQL condition so that lists are filtered in the
 * database before paging. Keeper units: the secrecy office sees everything of them. Reader units: there a
 * person sees copies they hold or are to receive, and carriers whose level their clearance covers and whose
 * scope names them, their department, their position or their unit.
 */
record Viewer(Set<Long> keeperUnits, Set<Long> readerUnits, Long personId, Long unitId, Long departmentId,
              Long positionId, Set<SecretLevel> levels) {

    private static final long NONE = -1L;

    /** The condition on a copy {@code cp} of carrier {@code c}. */
    static final String VISIBLE = """
            (c.unit_id in (:keeperUnits)
             or (c.unit_id in (:readerUnits)
                 and (cp.custodian_id = :viewerPerson or cp.pending_custodian_id = :viewerPerson
                      or cp.borrower_id = :viewerPerson
                      or (c.secret_level in (:viewerLevels) and exists (select 1 from carrier_scope s
                          where s.carrier_id = c.id and s.revoked_at is null and ((s.kind = 'PERSON' and s.ref_id = :viewerPerson)
                              or (s.kind = 'DEPARTMENT' and s.ref_id = :viewerDepartment)
                              or (s.kind = 'POSITION' and s.ref_id = :viewerPosition)
                              or (s.kind = 'UNIT' and s.ref_id = :viewerUnit)))))))
            """;

    static Viewer nobody() {
        return new Viewer(Set.of(), Set.of(), null, null, null, null, Set.of());
    }

    boolean keeps(long unitId) {
        return keeperUnits.contains(unitId);
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("keeperUnits", keeperUnits.isEmpty() ? List.of(NONE) : List.copyOf(keeperUnits));
        p.put("readerUnits", readerUnits.isEmpty() || personId == null ? List.of(NONE) : List.copyOf(readerUnits));
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
