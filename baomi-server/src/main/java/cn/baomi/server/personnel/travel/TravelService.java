package cn.baomi.server.personnel.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalGranted;
import cn.baomi.server.approval.ApprovalRefused;
import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.approval.ApprovalWithdrawn;
import cn.baomi.server.approval.NewApproval;
import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.personnel.exit.CoolOffs;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Travel abroad (出国出境审批, domain.md §3). A cleared person on the post, and a person in the cool-off (脱密期), needs
 * an approval (kind {@code personnel.travel}, routed as going abroad: department head, secrecy office, unit leader);
 * anyone else's trip is only recorded. The person files their own request, the secrecy office anyone's of its
 * units (a person in the cool-off has no account any more) — on the traveller's behalf, so the approval is routed
 * from the traveller's department and unit, not the officer's. The same may change a trip not yet approved or take
 * it back — its approval follows — and call off an approved trip before departure ({@link TravelChanges}). The
 * secrecy office and the person's leaders see a person's trips, the person their own; every view and every change is
 * audited.
 */
@Service
class TravelService {

    static final String KIND = "personnel.travel";

    /** Whether a trip of the person starting on a day needs approval, and whether because of the cool-off. */
    record Need(boolean approval, boolean coolOff, ClearanceLevel level) {
    }

    private final Travels travels;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final PersonnelAccess access;
    private final CoolOffs coolOffs;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    TravelService(Travels travels, PersonDirectory persons, UnitDirectory units, PersonnelAccess access,
                  CoolOffs coolOffs, ApprovalService approvals, AuditTrail audit) {
        this.travels = travels;
        this.persons = persons;
        this.units = units;
        this.access = access;
        this.coolOffs = coolOffs;
        this.approvals = approvals;
        this.audit = audit;
    }

    @Transactional
    long request(TravelForm form) {
        CurrentUser user = CurrentUser.require();
        Long personId = form.getPersonId() != null ? form.getPersonId() : user.personId();
        PersonSummary person = (personId == null ? Optional.<PersonSummary>empty() : persons.find(personId))
                .filter(p -> access.canRead(user, p.id()))
                .orElseThrow(() -> new BusinessRuleViolation("personId", "travel.person.unknown"));
        requireActor(user, person);
        TravelDetails details = TravelDetails.of(form);
        Need need = need(person, details.departOn());
        Travel.State state = need.approval() ? Travel.State.PENDING : Travel.State.RECORDED;
        long id = travels.insert(person.id(), person.unitId(), details.destination(), details.purpose(),
                details.departOn(), details.returnOn(), state, need.coolOff(), Travel.Requester.of(user), now());
        if (need.approval()) {
            travels.setApproval(id, requestApproval(user, id, person, details, need));
        }
        audit.record(AuditRecord.success("TRAVEL_REQUESTED", "travel", id).withDetail("person=" + person.id()
                + " " + state + (need.coolOff() ? " coolOff" : "") + (isSelf(user, person) ? "" : " filedBy=office")));
        return id;
    }

    /**
     * On the post (cleared and not yet left), or in the cool-off on the day of departure: approval. The level is the
     * person's clearance, or the one held when leaving.
     */
    Need need(PersonSummary person, LocalDate depart) {
        Optional<CoolOffs.CoolOff> coolOff = coolOffs.latest(person.id());
        if (coolOff.isPresent() && coolOff.get().covers(depart)) {
            return new Need(true, true, coolOff.get().level());
        }
        boolean onPost = person.clearance() != ClearanceLevel.NONE && coolOff.isEmpty();
        return new Need(onPost, false, person.clearance());
    }

    /** A trip for someone who may read the person's file (404 otherwise); audited. */
    @Transactional
    Travel view(long id) {
        CurrentUser user = CurrentUser.require();
        Travel travel = readable(user, id);
        audit.record(AuditRecord.success("TRAVEL_VIEWED", "travel", id).withDetail("person=" + travel.personId()));
        return travel;
    }

    /** Trips of the units in the user's scope whose person the user may read, and the user's own. */
    @Transactional(readOnly = true)
    List<Travel> list() {
        CurrentUser user = CurrentUser.require();
        Stream<Travel> scoped = travels.inUnits(units.visibleUnitIds(user)).stream()
                .filter(t -> access.canRead(user, t.personId()));
        Stream<Travel> own = user.personId() == null ? Stream.empty() : travels.ofPerson(user.personId()).stream();
        return Stream.concat(scoped, own).distinct().sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    Optional<Travel> find(long id) {
        return travels.find(id);
    }

    List<Travel> ofPerson(long personId) {
        return travels.ofPerson(personId);
    }

    Optional<PersonSummary> person(long personId) {
        return persons.find(personId);
    }

    String name(long personId) {
        return persons.find(personId).map(PersonSummary::name).orElse("#" + personId);
    }

    @EventListener
    void granted(ApprovalGranted event) {
        if (KIND.equals(event.kind())) {
            long id = Long.parseLong(event.subjectId());
            if (travels.decide(id, event.approvalId(), Travel.State.APPROVED, null, now())) {
                audit.record(AuditRecord.success("TRAVEL_APPROVED", "travel", id).withDetail("approval=" + event.approvalId()));
            }
        }
    }

    @EventListener
    void refused(ApprovalRefused event) {
        if (KIND.equals(event.kind())) {
            long id = Long.parseLong(event.subjectId());
            if (travels.decide(id, event.approvalId(), Travel.State.REFUSED, event.opinion(), now())) {
                audit.record(AuditRecord.success("TRAVEL_REFUSED", "travel", id).withDetail("approval=" + event.approvalId()));
            }
        }
    }

    /**
     * The approval request was withdrawn by its requester (on the approvals page or through the API). Only while it
     * is still the trip's approval: an edit withdraws the approval it replaces, and the trip stays pending.
     */
    @EventListener
    void withdrawn(ApprovalWithdrawn event) {
        if (KIND.equals(event.kind())) {
            long id = Long.parseLong(event.subjectId());
            if (travels.decide(id, event.approvalId(), Travel.State.WITHDRAWN, null, now())) {
                audit.record(AuditRecord.success("TRAVEL_WITHDRAWN", "travel", id).withDetail("approval=" + event.approvalId()));
            }
        }
    }

    Travel readable(CurrentUser user, long id) {
        return travels.find(id).filter(t -> access.canRead(user, t.personId()))
                .orElseThrow(() -> new NotFound("travel", id));
    }

    /** The person files and changes their own trips, the secrecy office anyone's of its units (403 otherwise). */
    PersonSummary requireActor(CurrentUser user, Travel travel) {
        PersonSummary person = persons.find(travel.personId()).orElseThrow(() -> new NotFound("travel", travel.id()));
        requireActor(user, person);
        return person;
    }

    private void requireActor(CurrentUser user, PersonSummary person) {
        if (!mayAct(user, person)) {
            throw new AccessDeniedException("a person acts on their own travel, the secrecy office on anyone's");
        }
    }

    boolean mayAct(CurrentUser user, PersonSummary person) {
        return isSelf(user, person) || access.isSecrecyOffice(user, person.unitId());
    }

    private static boolean isSelf(CurrentUser user, PersonSummary person) {
        return user.personId() != null && user.personId() == person.id();
    }

    /**
     * The one place a trip asks for its approval, for a new trip and for new details: as the signed-in user, on the
     * traveller's behalf when that is the secrecy office (routed from the traveller).
     */
    long requestApproval(CurrentUser user, long id, PersonSummary person, TravelDetails details, Need need) {
        NewApproval approval = new NewApproval(KIND, "travel", String.valueOf(id),
                summary(person, details.destination(), details.departOn(), details.returnOn(), need.coolOff()),
                levelCode(need.level()), true);
        return approvals.request(isSelf(user, person) ? approval : approval.onBehalfOf(person.id()));
    }

    private static String summary(PersonSummary person, String destination, LocalDate depart, LocalDate back,
                                  boolean coolOff) {
        String text = (coolOff ? "脱密期人员出国（境）：" : "出国（境）：") + person.name() + "，" + destination + "，"
                + depart + "至" + back;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    static String levelCode(ClearanceLevel level) {
        return switch (level) {
            case CORE -> NewApproval.TOP_SECRET;
            case IMPORTANT -> "SECRET";
            case GENERAL -> "CONFIDENTIAL";
            case NONE -> "INTERNAL";
        };
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation(field, "travel.rule.required");
        }
        if (value.strip().length() > max) {
            throw new BusinessRuleViolation(field, "travel.rule.tooLong", max);
        }
        return value.strip();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
