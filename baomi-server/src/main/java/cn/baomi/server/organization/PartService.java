package cn.baomi.server.organization;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/** The use cases of departments and positions: list per unit, create, rename, deactivate (never delete). */
@Service
class PartService {

    private final Departments departments;
    private final Positions positions;
    private final Units units;
    private final Scopes scopes;
    private final AuditTrail audit;

    PartService(Departments departments, Positions positions, Units units, Scopes scopes, AuditTrail audit) {
        this.departments = departments;
        this.positions = positions;
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    PageResult<Part> search(PartKind kind, Long unitId, String query, boolean includeInactive, int page, int size) {
        Set<Long> scope = scopes.structureScope(CurrentUser.require());
        Set<Long> wanted = unitId == null ? scope : scope.contains(unitId) ? Set.of(unitId) : Set.of();
        if (wanted.isEmpty()) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        UnitParts parts = parts(kind);
        return new PageResult<>(parts.search(wanted, query, includeInactive, page * size, size), page, size,
                parts.count(wanted, query, includeInactive));
    }

    /** The active parts of the units in scope (of one unit, if given), for pickers. */
    @Transactional(readOnly = true)
    List<Part> choices(PartKind kind, Long unitId) {
        Set<Long> scope = scopes.structureScope(CurrentUser.require());
        Set<Long> wanted = unitId == null ? scope : scope.contains(unitId) ? Set.of(unitId) : Set.of();
        return wanted.isEmpty() ? List.of() : parts(kind).search(wanted, null, false, 0, 10_000);
    }

    @Transactional(readOnly = true)
    Part get(PartKind kind, long id) {
        return visible(kind, CurrentUser.require(), id);
    }

    @Transactional
    long create(PartKind kind, PartForm form) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        Unit unit = units.find(form.getUnitId()).filter(u -> scopes.structureScope(user).contains(u.id()))
                .orElseThrow(() -> new BusinessRuleViolation("unitId", "org.part.unit.unknown"));
        if (!unit.active()) {
            throw new BusinessRuleViolation("unitId", "org.part.unit.inactive");
        }
        String name = form.getName().trim();
        requireFreeName(kind, unit.id(), name, null);
        long id = parts(kind).insert(unit.id(), name);
        audit.record(AuditRecord.success(kind.auditName() + "_CREATED", kind.single(), id).withDetail(name));
        return id;
    }

    @Transactional
    void rename(PartKind kind, long id, PartForm form) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        Part part = visible(kind, user, id);
        if (form.getUnitId() != null && form.getUnitId() != part.unitId()) {
            throw new BusinessRuleViolation("unitId", "org.part.unit.fixed");
        }
        String name = form.getName().trim();
        requireFreeName(kind, part.unitId(), name, id);
        parts(kind).rename(id, name);
        audit.record(AuditRecord.success(kind.auditName() + "_UPDATED", kind.single(), id).withDetail(name));
    }

    @Transactional
    void deactivate(PartKind kind, long id) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        Part part = visible(kind, user, id);
        if (part.active()) {
            parts(kind).deactivate(id);
            audit.record(AuditRecord.success(kind.auditName() + "_DEACTIVATED", kind.single(), id));
        }
    }

    private Part visible(PartKind kind, CurrentUser user, long id) {
        return parts(kind).find(id).filter(p -> scopes.structureScope(user).contains(p.unitId()))
                .orElseThrow(() -> new NotFound(kind.single(), id));
    }

    private void requireFreeName(PartKind kind, long unitId, String name, Long exceptId) {
        if (parts(kind).nameTaken(unitId, name, exceptId)) {
            throw new BusinessRuleViolation("name", "org.part.name.taken", name);
        }
    }

    UnitParts parts(PartKind kind) {
        return kind == PartKind.DEPARTMENTS ? departments : positions;
    }
}
