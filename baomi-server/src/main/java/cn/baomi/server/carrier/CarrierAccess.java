package cn.baomi.server.carrier;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Who sees and keeps the ledger (docs/decisions/carrier-ledger.md): the secrecy office keeps the ledger of its
 * units regardless of clearance; a person sees what their clearance and the scope allow, and always the copies
 * they hold; the supervisor sees no ledger contents; administrators none.
 */
@Component
class CarrierAccess {

    private final UnitDirectory units;
    private final PersonDirectory persons;
    private final CarrierScopes scopes;
    private final Viewer.Dialect dialect;

    CarrierAccess(UnitDirectory units, PersonDirectory persons, CarrierScopes scopes, DataSource dataSource) {
        this.units = units;
        this.persons = persons;
        this.scopes = scopes;
        this.dialect = Viewer.Dialect.of(dataSource);
    }

    /**
     * What the user may see. Worked out once per web request (the person and the unit tree are read for it) and
     * kept in the request: an event asks for it up to three times (docs/decisions/ledger-performance.md). Outside a
     * request, for example in a test calling a service, it is worked out on every call.
     */
    Viewer viewer(CurrentUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return viewerOf(user);
        }
        if (request.getAttribute(VIEWER, RequestAttributes.SCOPE_REQUEST) instanceof KnownViewer known
                && known.user().equals(user)) {
            return known.viewer();
        }
        Viewer viewer = viewerOf(user);
        request.setAttribute(VIEWER, new KnownViewer(user, viewer), RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }

    private static final String VIEWER = CarrierAccess.class.getName() + ".viewer";

    private record KnownViewer(CurrentUser user, Viewer viewer) {
    }

    private Viewer viewerOf(CurrentUser user) {
        if (user.isAdministrator() || (user.has(Role.SUPERVISOR) && !user.has(Role.SECRECY_OFFICER))) {
            return Viewer.nobody();
        }
        Set<Long> visible = units.visibleUnitIds(user);
        Set<Long> keeper = user.has(Role.SECRECY_OFFICER) ? visible : Set.of();
        boolean keepsEveryUnit = !keeper.isEmpty() && units.seesEveryUnit(user);
        Optional<PersonSummary> person = Optional.ofNullable(user.personId()).flatMap(persons::find)
                .filter(PersonSummary::active);
        if (person.isEmpty()) {
            return new Viewer(keeper, keepsEveryUnit, Set.of(), null, null, null, null, Set.of(), dialect);
        }
        PersonSummary p = person.get();
        return new Viewer(keeper, keepsEveryUnit, visible, p.id(), p.unitId(), p.departmentId(), p.positionId(),
                SecretLevel.allReadableWith(p.clearance()), dialect);
    }

    /** Only the secrecy office registers carriers and safes. */
    void requireKeeper(CurrentUser user) {
        if (!user.has(Role.SECRECY_OFFICER) || user.isAdministrator()) {
            throw new AccessDeniedException("only the secrecy office keeps the carrier ledger");
        }
    }

    /**
     * A person who is to hold a copy: active, of the carrier's unit (another unit gets it only by sending),
     * cleared for its level and inside its scope. Otherwise a field error naming the rule.
     */
    PersonSummary requireEligibleHolder(String field, Long personId, long carrierId, long unitId, SecretLevel level) {
        PersonSummary person = (personId == null ? Optional.<PersonSummary>empty() : persons.find(personId))
                .filter(PersonSummary::active)
                .orElseThrow(() -> new BusinessRuleViolation(field, "carrier.holder.unknown"));
        if (person.unitId() != unitId) {
            throw new BusinessRuleViolation(field, "carrier.holder.otherUnit");
        }
        if (!level.readableWith(person.clearance())) {
            throw new BusinessRuleViolation(field, "carrier.holder.notCleared");
        }
        if (!scopes.includes(carrierId, person)) {
            throw new BusinessRuleViolation(field, "carrier.holder.outsideScope");
        }
        return person;
    }

    /** Names of persons shown inside records the viewer may already see. */
    Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> persons.find(id).ifPresent(p -> names.put(id, p.name())));
        return names;
    }

    /**
     * Whom the detail page offers to receive or borrow a copy: only persons who may hold it (active, of its unit,
     * cleared for its level, inside its scope). The secrecy office sees all of them; anyone else only those of
     * their own department and those the scope names, whose names the page already shows
     * (docs/decisions/carrier-ledger.md). The service checks the chosen person again either way.
     */
    List<PersonSummary> holderChoices(Viewer viewer, Carrier carrier, List<CarrierScopes.Entry> scope) {
        Set<Long> named = new HashSet<>();
        scope.stream().filter(e -> e.kind() == ScopeKind.PERSON).forEach(e -> named.add(e.refId()));
        boolean keeper = viewer.keeps(carrier.unitId());
        return persons.activeInUnit(carrier.unitId()).stream()
                .filter(p -> carrier.level().readableWith(p.clearance()) && CarrierScopes.includes(scope, p))
                .filter(p -> keeper || named.contains(p.id())
                        || (viewer.departmentId() != null && viewer.departmentId().equals(p.departmentId())))
                .toList();
    }

    List<PersonSummary> activePersonsOf(long unitId) {
        return persons.activeInUnit(unitId);
    }

    Optional<PersonSummary> person(Long id) {
        return id == null ? Optional.empty() : persons.find(id);
    }
}
