package cn.baomi.server.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/** The use cases of units: list the tree in scope, create, edit and deactivate (never delete). */
@Service
class UnitService {

    private final Units units;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    UnitService(Units units, Scopes scopes, AuditTrail audit, ApplicationEventPublisher events) {
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
    }

    /** The units in scope as an indented tree, filtered by code or name. */
    @Transactional(readOnly = true)
    PageResult<UnitTree.Node> search(String query, boolean includeInactive, int page, int size) {
        CurrentUser user = CurrentUser.require();
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<UnitTree.Node> rows = scopes.tree().ordered(scopes.structureScope(user)).stream()
                .filter(n -> includeInactive || n.unit().active())
                .filter(n -> q.isEmpty() || n.unit().name().toLowerCase(Locale.ROOT).contains(q)
                        || n.unit().code().toLowerCase(Locale.ROOT).contains(q))
                .toList();
        return PageResult.slice(rows, page, size);
    }

    @Transactional(readOnly = true)
    Unit get(long id) {
        return visible(CurrentUser.require(), id);
    }

    /** Active units in scope that may be chosen for new records (as parent, or for departments and persons). */
    @Transactional(readOnly = true)
    List<UnitTree.Node> choices() {
        CurrentUser user = CurrentUser.require();
        return scopes.tree().ordered(scopes.structureScope(user)).stream().filter(n -> n.unit().active()).toList();
    }

    boolean mayWrite() {
        return scopes.mayWriteStructure(CurrentUser.require());
    }

    /**
     * The parents the form of unit {@code id} (null: a new unit) offers: the choices without the unit and the units
     * below it, and first its present parent when that lies outside the user's scope (a district office editing its
     * own unit below the city bureau), so that saving the form keeps it.
     */
    @Transactional(readOnly = true)
    List<UnitTree.Node> parentChoices(Long id) {
        if (id == null) {
            return choices();
        }
        Unit unit = get(id);
        Set<Long> below = scopes.tree().subtree(id);
        List<UnitTree.Node> offered = new ArrayList<>(choices().stream()
                .filter(n -> !below.contains(n.unit().id())).toList());
        if (unit.parentId() != null && offered.stream().noneMatch(n -> n.unit().id() == unit.parentId())) {
            offered.add(0, new UnitTree.Node(scopes.tree().get(unit.parentId()), 0));
        }
        return offered;
    }

    /** Only the system administrator creates top units; everyone else places a unit below one in scope. */
    boolean mayCreateTopUnits() {
        return CurrentUser.require().has(Role.SYSTEM_ADMIN);
    }

    void requireWriter() {
        scopes.requireStructureWriter(CurrentUser.require());
    }

    @Transactional
    long create(UnitForm form) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        String code = form.getCode().trim();
        requireUsableParent(user, form.getParentId(), null);
        requireFreeCode(code, null);
        long id = units.insert(form.getParentId(), code, form.getName().trim(), form.isSupervising());
        events.publishEvent(new UnitsChanged());
        audit.record(AuditRecord.success("UNIT_CREATED", "unit", id).withDetail(code));
        return id;
    }

    @Transactional
    void update(long id, UnitForm form) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        Unit unit = visible(user, id);
        String code = form.getCode().trim();
        if (!Objects.equals(form.getParentId(), unit.parentId())) {
            requireUsableParent(user, form.getParentId(), id);
        }
        requireFreeCode(code, id);
        units.update(id, form.getParentId(), code, form.getName().trim(), form.isSupervising());
        events.publishEvent(new UnitsChanged());
        audit.record(AuditRecord.success("UNIT_UPDATED", "unit", id).withDetail(code));
    }

    @Transactional
    void deactivate(long id) {
        CurrentUser user = CurrentUser.require();
        scopes.requireStructureWriter(user);
        Unit unit = visible(user, id);
        if (unit.active()) {
            units.deactivate(id);
            events.publishEvent(new UnitsChanged());
            audit.record(AuditRecord.success("UNIT_DEACTIVATED", "unit", id).withDetail(unit.code()));
        }
    }

    private Unit visible(CurrentUser user, long id) {
        return units.find(id).filter(u -> scopes.structureScope(user).contains(u.id()))
                .orElseThrow(() -> new NotFound("unit", id));
    }

    /** A parent must exist in scope, be active and not lie below the unit itself; only the system administrator makes top units. */
    private void requireUsableParent(CurrentUser user, Long parentId, Long unitId) {
        if (parentId == null) {
            if (!user.has(Role.SYSTEM_ADMIN)) {
                throw new BusinessRuleViolation("parentId", "validation.required");
            }
            return;
        }
        Set<Long> scope = scopes.structureScope(user);
        Unit parent = units.find(parentId).filter(u -> scope.contains(u.id()))
                .orElseThrow(() -> new BusinessRuleViolation("parentId", "org.unit.parent.unknown"));
        if (unitId != null && scopes.tree().subtree(unitId).contains(parent.id())) {
            throw new BusinessRuleViolation("parentId", "org.unit.parent.cycle");
        }
        if (!parent.active()) {
            throw new BusinessRuleViolation("parentId", "org.unit.parent.inactive");
        }
    }

    private void requireFreeCode(String code, Long exceptId) {
        if (units.codeTaken(code, exceptId)) {
            throw new BusinessRuleViolation("code", "org.unit.code.taken", code);
        }
    }
}
