package cn.baomi.server.incident;

import java.util.Collection;
import java.util.HashMap;
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
 * the unit and of the units above it read them; every list and detail view is audited.
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
        Set<Long> office = officeUnits(CurrentUser.require());
        List<Incident> found = incidents.ofUnits(office, LIST_LIMIT);
        audit.record(AuditRecord.success("INCIDENTS_LISTED", "incident", null).withDetail("rows=" + found.size()));
        return found;
    }

    /** One incident of a unit the caller's secrecy office covers; 404 otherwise. */
    @Transactional
    Incident view(long id) {
        Set<Long> office = officeUnits(CurrentUser.require());
        Incident incident = incidents.find(id).filter(i -> office.contains(i.unitId()))
                .orElseThrow(() -> new NotFound("incident", id));
        audit.record(AuditRecord.success("INCIDENT_VIEWED", "incident", id));
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

    /** Only the secrecy office reads incidents: its own unit and the units below it. */
    private Set<Long> officeUnits(CurrentUser user) {
        if (!user.has(Role.SECRECY_OFFICER) || user.isAdministrator()) {
            throw new AccessDeniedException("only the secrecy office reads incidents");
        }
        return units.visibleUnitIds(user);
    }
}
