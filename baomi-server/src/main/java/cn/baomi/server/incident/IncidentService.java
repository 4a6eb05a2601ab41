package cn.baomi.server.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.carrier.CopyReportedLost;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/**
 * Opens an incident for every lost carrier copy, in the transaction of the report, and lets the secrecy office of
 * the unit and of the units above it read them, and the supervisor (superior secrecy bureau) read those of the units
 * below its own; every list and detail view is audited.
 */
@Service
class IncidentService {

    static final int LIST_LIMIT = 500;

    private final Incidents incidents;
    private final UnitDirectory units;
    private final PersonDirectory persons;
    private final AuditTrail audit;

    IncidentService(Incidents incidents, UnitDirectory units, PersonDirectory persons, AuditTrail audit) {
        this.incidents = incidents;
        this.units = units;
        this.persons = persons;
        this.audit = audit;
    }

    /** A lost copy opens a CARRIER_LOST incident; runs inside the transaction that marked the copy lost. */
    @EventListener
    void copyLost(CopyReportedLost lost) {
        long id = incidents.insert(new Incident(0, lost.unitId(), IncidentKind.CARRIER_LOST, IncidentStatus.OPEN,
                lost.reportedBy(), lost.reporterPersonId(), lost.reportedAt(), lost.description(), lost.carrierId(),
                lost.copyId(), lost.ledgerNumber(), lost.level(), lost.lastCustodianId(), lost.inventoryId()));
        audit.record(AuditRecord.success("INCIDENT_OPENED", "incident", id)
                .withDetail("kind=CARRIER_LOST copy=" + lost.copyId()
                        + (lost.inventoryId() == null ? "" : " inventory=" + lost.inventoryId())));
    }

    @Transactional
    List<Incident> list() {
        CurrentUser user = CurrentUser.require();
        List<Incident> found = incidents.ofUnits(readableUnits(user), LIST_LIMIT);
        audit.record(AuditRecord.success("INCIDENTS_LISTED", "incident", null).withDetail("rows=" + found.size()
                + readerDetail(user)));
        return found;
    }

    /** One incident of a unit the caller's secrecy office covers or the caller supervises; 404 otherwise. */
    @Transactional
    Incident view(long id) {
        CurrentUser user = CurrentUser.require();
        Set<Long> readable = readableUnits(user);
        Incident incident = incidents.find(id).filter(i -> readable.contains(i.unitId()))
                .orElseThrow(() -> new NotFound("incident", id));
        AuditRecord viewed = AuditRecord.success("INCIDENT_VIEWED", "incident", id);
        audit.record(user.has(Role.SECRECY_OFFICER) ? viewed : viewed.withDetail("as=SUPERVISOR"));
        return incident;
    }

    /** Names of the persons shown in incidents the caller may already see. */
    Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> persons.find(id).ifPresent(p -> names.put(id, p.name())));
        return names;
    }

    Map<Long, String> unitNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        ids.stream().distinct().forEach(id -> units.find(id).ifPresent(u -> names.put(id, u.name())));
        return names;
    }

    /**
     * Who reads incidents (docs/decisions/incidents.md): the secrecy office its own unit and the units below it; the
     * supervisor, read-only, the units below its own (its own bureau's incidents are its secrecy office's). Anyone
     * else is refused.
     */
    private Set<Long> readableUnits(CurrentUser user) {
        if (user.isAdministrator() || !user.hasAny(Role.SECRECY_OFFICER, Role.SUPERVISOR)) {
            throw new AccessDeniedException("only the secrecy office and the supervisor read incidents");
        }
        Set<Long> visible = units.visibleUnitIds(user);
        if (user.has(Role.SECRECY_OFFICER)) {
            return visible;
        }
        Set<Long> below = new HashSet<>(visible);
        below.remove(user.unitId());
        return below;
    }

    /** Whether the incidents were read as the supervisor, for the audit trail. */
    private static String readerDetail(CurrentUser user) {
        return user.has(Role.SECRECY_OFFICER) ? "" : " as=SUPERVISOR";
    }
}
