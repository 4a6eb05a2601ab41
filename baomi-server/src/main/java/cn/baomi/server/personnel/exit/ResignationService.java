package cn.baomi.server.personnel.exit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * The secrecy office's opinion on a request to resign public office (辞去公职). Approving is refused while the
 * person is still on a classified post (they leave it first) and during the cool-off (脱密期), with the end date.
 */
@Service
class ResignationService {

    private final Resignations resignations;
    private final CoolOffs coolOffs;
    private final PersonDirectory persons;
    private final PersonnelAccess access;
    private final AuditTrail audit;

    ResignationService(Resignations resignations, CoolOffs coolOffs, PersonDirectory persons, PersonnelAccess access,
                       AuditTrail audit) {
        this.resignations = resignations;
        this.coolOffs = coolOffs;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    long file(Long personId, LocalDate filedOn, String note) {
        CurrentUser user = CurrentUser.require();
        PersonSummary person = (personId == null ? Optional.<PersonSummary>empty() : persons.find(personId))
                .filter(p -> access.canRead(user, p.id()))
                .orElseThrow(() -> new BusinessRuleViolation("personId", "exit.person.unknown"));
        requireOffice(user, person.unitId());
        if (filedOn == null || filedOn.isAfter(LocalDate.now())) {
            throw new BusinessRuleViolation("filedOn", "exit.rule.filedOn");
        }
        String text = note == null || note.isBlank() ? null : ExitService.required("note", note, ExitService.MAX_REASON);
        long id = resignations.insert(person.id(), person.unitId(), filedOn, text, user.username());
        audit.record(AuditRecord.success("RESIGNATION_FILED", "resignation", id).withDetail("person=" + person.id()));
        return id;
    }

    @Transactional
    void approve(long id, String opinion) {
        CurrentUser user = CurrentUser.require();
        Resignation r = writable(user, id);
        PersonSummary person = persons.find(r.personId()).orElseThrow(() -> new NotFound("resignation", id));
        if (person.clearance() != ClearanceLevel.NONE && !coolOffs.hasLeftPost(person.id())) {
            throw BusinessRuleViolation.of("exit.rule.resignationWhileOnPost", person.name());
        }
        Optional<CoolOffs.CoolOff> coolOff = coolOffs.on(person.id(), LocalDate.now());
        if (coolOff.isPresent()) {
            throw BusinessRuleViolation.of("exit.rule.resignationDuringCoolOff", person.name(),
                    coolOff.get().start().toString(), coolOff.get().end().toString());
        }
        decide(user, r, Resignation.State.APPROVED, opinion);
    }

    @Transactional
    void refuse(long id, String opinion) {
        CurrentUser user = CurrentUser.require();
        Resignation r = writable(user, id);
        if (opinion == null || opinion.isBlank()) {
            throw new BusinessRuleViolation("opinion", "exit.rule.opinionRequired");
        }
        decide(user, r, Resignation.State.REFUSED, opinion);
    }

    @Transactional(readOnly = true)
    List<Resignation> ofPerson(long personId) {
        CurrentUser user = CurrentUser.require();
        return access.canRead(user, personId) ? resignations.ofPerson(personId) : List.of();
    }

    private void decide(CurrentUser user, Resignation r, Resignation.State state, String opinion) {
        String text = opinion == null || opinion.isBlank() ? null
                : ExitService.required("opinion", opinion, ExitService.MAX_REASON);
        if (r.state() != Resignation.State.FILED
                || !resignations.decide(r.id(), state, user.username(), Instant.now().truncatedTo(ChronoUnit.MILLIS), text)) {
            throw BusinessRuleViolation.of("exit.rule.resignationDecided");
        }
        audit.record(AuditRecord.success(state == Resignation.State.APPROVED ? "RESIGNATION_APPROVED"
                : "RESIGNATION_REFUSED", "resignation", r.id()).withDetail("person=" + r.personId()));
    }

    private Resignation writable(CurrentUser user, long id) {
        Resignation r = resignations.find(id).filter(x -> access.canRead(user, x.personId()))
                .orElseThrow(() -> new NotFound("resignation", id));
        requireOffice(user, r.unitId());
        return r;
    }

    private void requireOffice(CurrentUser user, long unitId) {
        if (!access.isSecrecyOffice(user, unitId)) {
            throw new AccessDeniedException("only the secrecy office gives its opinion on a resignation");
        }
    }
}
