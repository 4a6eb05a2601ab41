package cn.baomi.server.personnel.exit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.carrier.CarrierHoldings;
import cn.baomi.server.carrier.CarrierHoldings.HeldCopy;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.personnel.CommitmentKind;
import cn.baomi.server.personnel.Commitments;
import cn.baomi.server.personnel.LevelHistory;
import cn.baomi.server.personnel.PersonLeftPost;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.personnel.PersonnelSettings;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Leaving the post (离岗离职, domain.md §3). The secrecy office opens the exit, every carrier copy the person answers
 * for is listed from the carrier ledger, the exit commitment is recorded, and the exit completes only when no copy is
 * left and the commitment is signed; completing starts the cool-off (脱密期), ends the person's level through an
 * entry of the level history (to none, reason 离岗离职, the exit as its basis), revokes their own scope entries and,
 * through {@link PersonLeftPost}, their account — all in one transaction. The secrecy office and the person's
 * leaders see an exit, the person their own; every view is audited.
 */
@Service
class ExitService {

    static final int MAX_REASON = 500;
    static final int MAX_ENTRUSTED = 200;

    /** An exit as shown: the person's name, what they still hold, whether the exit commitment is signed. */
    record ExitView(Exit exit, String personName, List<HeldCopy> held, boolean commitmentSigned, boolean mayWrite) {
    }

    private final Exits exits;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final PersonnelAccess access;
    private final Commitments commitments;
    private final CarrierHoldings carriers;
    private final LevelHistory levels;
    private final PersonnelSettings.CoolOff coolOff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ExitService(Exits exits, PersonDirectory persons, UnitDirectory units, PersonnelAccess access,
                Commitments commitments, CarrierHoldings carriers, LevelHistory levels, PersonnelSettings settings,
                AuditTrail audit, ApplicationEventPublisher events) {
        this.exits = exits;
        this.persons = persons;
        this.units = units;
        this.access = access;
        this.commitments = commitments;
        this.carriers = carriers;
        this.levels = levels;
        this.coolOff = settings.coolOff();
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    long open(ExitForm form) {
        CurrentUser user = CurrentUser.require();
        PersonSummary person = readablePerson(user, form.getPersonId());
        requireOffice(user, person.unitId());
        String reason = required("reason", form.getReason(), MAX_REASON);
        LocalDate leave = form.getLeaveDate();
        LocalDate today = LocalDate.now();
        if (leave == null || leave.isBefore(today.minusYears(1)) || leave.isAfter(today.plusDays(180))) {
            throw new BusinessRuleViolation("leaveDate", "exit.rule.leaveDate");
        }
        if (person.clearance() == ClearanceLevel.NONE) {
            throw new BusinessRuleViolation("personId", "exit.rule.notCleared", person.name());
        }
        for (Exit e : exits.ofPerson(person.id())) {
            if (e.open()) {
                throw new BusinessRuleViolation("personId", "exit.rule.alreadyOpen", person.name());
            }
            if (e.inCoolOffOn(today)) {
                throw new BusinessRuleViolation("personId", "exit.rule.alreadyLeft", person.name(), e.coolOffEnd());
            }
        }
        long id = exits.insert(person.id(), person.unitId(), person.clearance(), reason, leave, user.username(), now());
        audit.record(AuditRecord.success("EXIT_OPENED", "exit", id).withDetail("person=" + person.id()
                + " level=" + person.clearance()));
        return id;
    }

    /** An exit for someone who may read the person's file (404 otherwise); audited. */
    @Transactional
    ExitView view(long id) {
        CurrentUser user = CurrentUser.require();
        Exit exit = readable(user, id);
        audit.record(AuditRecord.success("EXIT_VIEWED", "exit", id).withDetail("person=" + exit.personId()));
        return viewOf(user, exit);
    }

    /** The person of an exit the user may read (404 otherwise), without recording a view. */
    @Transactional(readOnly = true)
    long personOf(long id) {
        return readable(CurrentUser.require(), id).personId();
    }

    /** The exits of the units in the user's scope whose person's file the user may read. */
    @Transactional(readOnly = true)
    List<Exit> list() {
        CurrentUser user = CurrentUser.require();
        List<Exit> found = exits.inUnits(units.visibleUnitIds(user)).stream()
                .filter(e -> access.canRead(user, e.personId())).toList();
        if (user.personId() != null && found.stream().noneMatch(e -> e.personId() == user.personId())) {
            return java.util.stream.Stream.concat(found.stream(), exits.ofPerson(user.personId()).stream()).toList();
        }
        return found;
    }

    /** The exit commitment (离岗保密承诺书) signed by the person, with its scan, kept in the secrecy file. */
    @Transactional
    void recordCommitment(long id, LocalDate signedOn, byte[] scan, String fileName) {
        CurrentUser user = CurrentUser.require();
        Exit exit = writable(user, id);
        if (!exit.open()) {
            throw BusinessRuleViolation.of("exit.rule.notOpen");
        }
        if (signedOn == null || signedOn.isAfter(LocalDate.now())) {
            throw new BusinessRuleViolation("signedOn", "exit.rule.signedOn");
        }
        long commitment = commitments.recordSigned(user, exit.personId(), CommitmentKind.EXIT, signedOn, scan, fileName);
        exits.setCommitment(id, commitment);
        audit.record(AuditRecord.success("EXIT_COMMITMENT_RECORDED", "exit", id).withDetail("commitment=" + commitment));
    }

    /**
     * Completes the exit: refused while the person still answers for any carrier copy, has not signed the exit
     * commitment or has a level change waiting for its approval (granted later, it would hand the leaver a clearance
     * again); otherwise the cool-off starts on the leave date and runs for the configured length of the level.
     */
    @Transactional
    void complete(long id) {
        CurrentUser user = CurrentUser.require();
        Exit exit = writable(user, id);
        if (!exit.open()) {
            throw BusinessRuleViolation.of("exit.rule.notOpen");
        }
        List<HeldCopy> held = carriers.heldBy(exit.personId());
        if (!held.isEmpty()) {
            throw BusinessRuleViolation.of("exit.rule.carriersHeld", held.size(),
                    held.stream().map(HeldCopy::ledgerNumber).distinct().collect(Collectors.joining("、")));
        }
        if (!commitments.hasSigned(exit.personId(), CommitmentKind.EXIT, exit.openedOn())) {
            throw BusinessRuleViolation.of("exit.rule.commitmentMissing");
        }
        if (levels.hasPending(exit.personId())) {
            throw BusinessRuleViolation.of("exit.rule.levelPending");
        }
        LocalDate start = exit.leaveDate();
        LocalDate end = coolOff.endOf(exit.clearance(), start);
        if (!exits.complete(id, user.username(), now(), exit.commitmentId(), start, end)) {
            throw BusinessRuleViolation.of("exit.rule.notOpen");
        }
        levels.endOnExit(exit.personId(), id, LocalDate.now(), user.username());
        carriers.revokeScopeEntriesOf(exit.personId(), "exit " + id);
        audit.record(AuditRecord.success("EXIT_COMPLETED", "exit", id).withDetail("person=" + exit.personId()
                + " coolOff=" + start + ".." + end));
        events.publishEvent(new PersonLeftPost(exit.personId(), id));
    }

    /** Records that the cool-off is managed by the person's new unit (脱密期委托管理). */
    @Transactional
    void entrust(long id, String to, LocalDate on) {
        CurrentUser user = CurrentUser.require();
        Exit exit = writable(user, id);
        if (exit.open()) {
            throw BusinessRuleViolation.of("exit.rule.entrustBeforeCompletion");
        }
        String unit = required("entrustedTo", to, MAX_ENTRUSTED);
        if (on == null) {
            throw new BusinessRuleViolation("entrustedOn", "exit.rule.entrustedOn");
        }
        exits.entrust(id, unit, on, user.username());
        audit.record(AuditRecord.success("EXIT_ENTRUSTED", "exit", id).withDetail("on=" + on));
    }

    /** The secrecy office closes the management of a cool-off that has ended, which ends its reminder. */
    @Transactional
    void closeCoolOff(long id) {
        CurrentUser user = CurrentUser.require();
        Exit exit = writable(user, id);
        if (exit.open() || !exit.coolOffEnd().isBefore(LocalDate.now()) || !exits.closeCoolOff(id, now())) {
            throw BusinessRuleViolation.of("exit.rule.coolOffNotEnded");
        }
        audit.record(AuditRecord.success("COOL_OFF_CLOSED", "exit", id).withDetail("person=" + exit.personId()));
    }

    /** Completed exits of the secrecy office's units whose cool-off has ended and is not closed yet. */
    @Transactional(readOnly = true)
    List<Exit> coolOffsEnded(CurrentUser user) {
        return exits.coolOffEnded(units.visibleUnitIds(user), LocalDate.now()).stream()
                .filter(e -> access.isSecrecyOffice(user, e.unitId())).toList();
    }

    String name(long personId) {
        return persons.find(personId).map(PersonSummary::name).orElse("#" + personId);
    }

    List<PersonSummary> clearedPersonsOf(CurrentUser user) {
        return units.visibleUnitIds(user).stream().filter(u -> access.isSecrecyOffice(user, u))
                .flatMap(u -> persons.activeInUnit(u).stream())
                .filter(p -> p.clearance() != ClearanceLevel.NONE).toList();
    }

    private ExitView viewOf(CurrentUser user, Exit exit) {
        List<HeldCopy> held = exit.open() ? carriers.heldBy(exit.personId()) : List.of();
        boolean signed = commitments.hasSigned(exit.personId(), CommitmentKind.EXIT, exit.openedOn());
        return new ExitView(exit, name(exit.personId()), held, signed, access.isSecrecyOffice(user, exit.unitId()));
    }

    private Exit readable(CurrentUser user, long id) {
        Exit exit = exits.find(id).orElseThrow(() -> new NotFound("exit", id));
        if (!access.canRead(user, exit.personId())) {
            throw new NotFound("exit", id);
        }
        return exit;
    }

    private Exit writable(CurrentUser user, long id) {
        Exit exit = readable(user, id);
        requireOffice(user, exit.unitId());
        return exit;
    }

    private PersonSummary readablePerson(CurrentUser user, Long personId) {
        return (personId == null ? java.util.Optional.<PersonSummary>empty() : persons.find(personId))
                .filter(p -> access.canRead(user, p.id()))
                .orElseThrow(() -> new BusinessRuleViolation("personId", "exit.person.unknown"));
    }

    private void requireOffice(CurrentUser user, long unitId) {
        if (!access.isSecrecyOffice(user, unitId)) {
            throw new AccessDeniedException("only the secrecy office handles exits");
        }
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation(field, "exit.rule.required");
        }
        if (value.strip().length() > max) {
            throw new BusinessRuleViolation(field, "exit.rule.tooLong", max);
        }
        return value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
