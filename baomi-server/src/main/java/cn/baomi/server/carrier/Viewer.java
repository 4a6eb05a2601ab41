package cn.baomi.server.carrier;

import java.sql.DatabaseMetaData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What one user may see of the ledger, as parameters of one SQL condition so that lists are filtered in the
 * database before paging. Keeper units: the secrecy office sees everything of them; {@code keepsEveryUnit}: they
 * are every unit there is (the office at the top of the only tree). Reader units: there a person sees copies they
 * hold or are to receive, and carriers whose level their clearance covers and whose scope names them, their
 * department, their position or their unit. {@code dialect}: which of two forms of the condition, the same rows,
 * the database plans well.
 */
record Viewer(Set<Long> keeperUnits, boolean keepsEveryUnit, Set<Long> readerUnits, Long personId, Long unitId,
              Long departmentId, Long positionId, Set<SecretLevel> levels, Dialect dialect) {

    private static final long NONE = -1L;

    /**
     * The two databases plan the same rows best from different forms (docs/decisions/ledger-performance.md): H2 uses
     * an {@code in} list as an index condition only on the first of an index's columns and then reads every entry
     * of each listed unit, so a list on the inner table of a join costs it seconds; PostgreSQL needs the lists on
     * both tables to filter copies before looking up their carriers, and one {@code exists} per kind of scope entry
     * to read them from the index alone, where H2 pays for every extra subquery.
     */
    enum Dialect {
        POSTGRESQL, H2;

        static Dialect of(DataSource dataSource) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
                return "PostgreSQL".equals(product) ? POSTGRESQL : H2;
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell the database", e);
            }
        }
    }

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
     * {@link #READER} with one {@code exists} per kind of scope entry: PostgreSQL reads each from
     * {@code ix_carrier_scope_ref_carrier} alone, where the {@code or} of the four made it visit every entry's row.
     */
    private static final String READER_BY_KIND = """
            (cp.custodian_id = :viewerPerson or cp.pending_custodian_id = :viewerPerson
             or cp.borrower_id = :viewerPerson
             or (c.secret_level in (:viewerLevels) and (""" + names("PERSON", "viewerPerson")
            + " or " + names("DEPARTMENT", "viewerDepartment") + " or " + names("POSITION", "viewerPosition")
            + " or " + names("UNIT", "viewerUnit") + ")))";

    private static String names(String kind, String parameter) {
        return "exists (select 1 from carrier_scope s where s.kind = '" + kind + "' and s.ref_id = :" + parameter
                + " and s.carrier_id = c.id and s.revoked_at is null)";
    }

    /**
     * The condition on a copy {@code cp} of carrier {@code c}. Its last line adds nothing to who sees what: a copy
     * always belongs to its carrier's unit. It lets the database find the copies of the viewer's units by
     * {@code ix_copies_unit} instead of reading all copies (docs/benchmarks.md).
     */
    static final String VISIBLE = "((c.unit_id in (:keeperUnits) or (c.unit_id in (:readerUnits) and " + READER + "))"
            + " and cp.unit_id in (:viewerUnits))";

    /**
     * {@link #VISIBLE} without the branches that cannot match for this viewer, so that the database plans only what
     * is needed (docs/decisions/ledger-performance.md): the same rows, with the same parameters, in the form the
     * {@link Dialect} plans well. A keeper who also reads only in units they keep (the secrecy office) needs the
     * keeper branch alone, and no unit at all when they keep every unit; a person who keeps nothing the reader
     * branch alone; nobody, no row.
     */
    String visible() {
        boolean keeps = !keeperUnits.isEmpty();
        boolean reads = personId != null && !readerUnits.isEmpty() && !keeperUnits.containsAll(readerUnits);
        boolean postgres = dialect == Dialect.POSTGRESQL;
        if (keeps && reads) {
            return VISIBLE;
        }
        if (keeps && keepsEveryUnit) {
            // every copy is of a unit kept: no list for the planners to weigh (decided from the cached unit tree)
            return "(1 = 1)";
        }
        if (keeps) {
            // both lists on H2: it counted a city's page in 16-28 s instead of 0.1 s
            return postgres ? "(c.unit_id in (:keeperUnits) and cp.unit_id in (:keeperUnits))" : "(c.unit_id in (:keeperUnits))";
        }
        if (reads) {
            return "(c.unit_id in (:readerUnits) and " + (postgres ? READER_BY_KIND : READER)
                    + " and cp.unit_id in (:readerUnits))";
        }
        return "(1 = 0)";
    }

    static Viewer nobody() {
        return new Viewer(Set.of(), false, Set.of(), null, null, null, null, Set.of(), Dialect.H2);
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
