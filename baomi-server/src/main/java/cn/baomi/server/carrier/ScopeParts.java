package cn.baomi.server.carrier;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PartSummary;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * The departments and positions a need-to-know scope may name: the active ones of the carrier's own unit
 * (docs/decisions/carrier-ledger.md). Anything else — another unit's department, a deactivated position, an id that
 * names nothing — is refused with a field error naming the entry and the unit's departments or positions that may be
 * named instead. Persons and units may belong elsewhere (a receiving unit, its people), but must exist and be active.
 */
@Component
class ScopeParts {

    private final UnitDirectory units;
    private final PersonDirectory persons;

    ScopeParts(UnitDirectory units, PersonDirectory persons) {
        this.units = units;
        this.persons = persons;
    }

    void requireKnown(List<CarrierScopes.Entry> scope, long unitId) {
        check(scope, ScopeKind.DEPARTMENT, units.activeDepartments(unitId), units::departmentName, unitId,
                "scopeDepartmentIds", "carrier.scope.unknownDepartment");
        check(scope, ScopeKind.POSITION, units.activePositions(unitId), units::positionName, unitId,
                "scopePositionIds", "carrier.scope.unknownPosition");
        for (CarrierScopes.Entry entry : scope) {
            if (entry.kind() == ScopeKind.PERSON
                    && !persons.find(entry.refId()).map(PersonSummary::active).orElse(false)) {
                throw new BusinessRuleViolation("scopePersonIds", "carrier.scope.unknownPerson",
                        persons.find(entry.refId()).map(n -> "“" + n.name() + "”").orElse("#" + entry.refId()));
            }
            if (entry.kind() == ScopeKind.UNIT && !units.find(entry.refId()).map(UnitSummary::active).orElse(false)) {
                throw new BusinessRuleViolation("scopeUnitIds", "carrier.scope.unknownUnit",
                        units.find(entry.refId()).map(u -> "“" + u.name() + "”").orElse("#" + entry.refId()));
            }
        }
    }

    private void check(List<CarrierScopes.Entry> scope, ScopeKind kind, List<PartSummary> allowed,
                       LongFunction<Optional<String>> nameOf, long unitId, String field, String key) {
        Set<Long> ids = allowed.stream().map(PartSummary::id).collect(Collectors.toSet());
        for (CarrierScopes.Entry entry : scope) {
            if (entry.kind() == kind && !ids.contains(entry.refId())) {
                String named = nameOf.apply(entry.refId()).map(n -> "“" + n + "”").orElse("#" + entry.refId());
                String unit = units.find(unitId).map(UnitSummary::name).orElse("#" + unitId);
                throw new BusinessRuleViolation(field, key, named, unit, names(allowed));
            }
        }
    }

    static String names(List<PartSummary> parts) {
        return parts.isEmpty() ? "—" : String.join("、", parts.stream().map(PartSummary::name).toList());
    }
}
