package cn.baomi.server.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.crypto.Sm4Cipher;

/**
 * The use cases of persons. Business roles read within their scope, only the secrecy office writes;
 * every view of a person is audited, and so is every view of a full ID number. Persons are deactivated,
 * never deleted: they appear in records. A change of unit, department or position is published as
 * {@link PersonPostChanged}.
 */
@Service
class PersonService {

    private final Persons persons;
    private final Units units;
    private final PartService parts;
    private final Scopes scopes;
    private final Sm4Cipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PersonService(Persons persons, Units units, PartService parts, Scopes scopes, Sm4Cipher cipher, AuditTrail audit,
                  ApplicationEventPublisher events) {
        this.persons = persons;
        this.units = units;
        this.parts = parts;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    PageResult<Person> search(PersonQuery query) {
        CurrentUser user = CurrentUser.require();
        scopes.requirePersonReader(user);
        Set<Long> scope = scopes.visibleUnitIds(user);
        if (scope.isEmpty() || (query.unitId() != null && !scope.contains(query.unitId()))) {
            return new PageResult<>(List.of(), query.page(), query.size(), 0);
        }
        return new PageResult<>(persons.search(query, scope), query.page(), query.size(), persons.count(query, scope));
    }

    /** A person's details for a reader in scope; the view is audited. */
    @Transactional
    Person view(long id) {
        Person person = readable(id);
        audit.record(AuditRecord.success("PERSON_VIEWED", "person", id));
        return person;
    }

    /** The full ID number, for the secrecy office only; each view is audited. */
    @Transactional
    String revealIdNumber(long id) {
        CurrentUser user = CurrentUser.require();
        scopes.requirePersonWriter(user);
        readable(id);
        audit.record(AuditRecord.success("PERSON_ID_NUMBER_VIEWED", "person", id));
        return cipher.decrypt(persons.idNumberCipher(id));
    }

    /** A person as the edit form starts from, for the secrecy office. */
    @Transactional(readOnly = true)
    Person forEdit(long id) {
        scopes.requirePersonWriter(CurrentUser.require());
        return readable(id);
    }

    @Transactional
    long create(PersonForm form) {
        scopes.requirePersonWriter(CurrentUser.require());
        String number = IdNumbers.normalise(form.getIdNumber());
        Persons.Data data = checked(form, null, number);
        long id = persons.insert(data);
        audit.record(AuditRecord.success("PERSON_CREATED", "person", id));
        return id;
    }

    @Transactional
    void update(long id, PersonForm form) {
        scopes.requirePersonWriter(CurrentUser.require());
        Person current = readable(id);
        boolean newNumber = form.getIdNumber() != null && !form.getIdNumber().isBlank();
        String number = newNumber ? IdNumbers.normalise(form.getIdNumber()) : null;
        Persons.Data data = checked(form, current, number);
        persons.update(id, data);
        audit.record(AuditRecord.success("PERSON_UPDATED", "person", id).withDetail(newNumber ? "idNumber changed" : null));
        if (PersonPostChanged.between(current.unitId(), current.departmentId(), current.positionId(), data.unitId(),
                data.departmentId(), data.positionId())) {
            events.publishEvent(new PersonPostChanged(id, current.unitId(), data.unitId(), current.departmentId(),
                    data.departmentId(), current.positionId(), data.positionId(), LocalDate.now()));
        }
    }

    @Transactional
    void deactivate(long id) {
        scopes.requirePersonWriter(CurrentUser.require());
        Person person = readable(id);
        if (person.active()) {
            persons.deactivate(id);
            audit.record(AuditRecord.success("PERSON_DEACTIVATED", "person", id));
            events.publishEvent(new PersonDeactivated(id));
        }
    }

    boolean mayWrite() {
        return scopes.mayWritePersons(CurrentUser.require());
    }

    void requireWriter() {
        scopes.requirePersonWriter(CurrentUser.require());
    }

    private Person readable(long id) {
        CurrentUser user = CurrentUser.require();
        scopes.requirePersonReader(user);
        return persons.find(id).filter(p -> scopes.isInScope(user, p.unitId()))
                .orElseThrow(() -> new NotFound("person", id));
    }

    /** The rules a person's data must keep; {@code number} null keeps the stored ID number. */
    private Persons.Data checked(PersonForm form, Person current, String number) {
        CurrentUser user = CurrentUser.require();
        Unit unit = units.find(form.getUnitId()).filter(u -> scopes.isInScope(user, u.id()))
                .orElseThrow(() -> new BusinessRuleViolation("unitId", "org.person.unit.unknown"));
        if (!unit.active() && (current == null || current.unitId() != unit.id())) {
            throw new BusinessRuleViolation("unitId", "org.person.unit.inactive");
        }
        String digest = number == null ? null : cipher.digest(number);
        if (digest != null && persons.idNumberTaken(digest, current == null ? null : current.id())) {
            throw new BusinessRuleViolation(IdNumbers.FIELD, "org.person.idNumber.taken");
        }
        requirePart(PartKind.DEPARTMENTS, "departmentId", form.getDepartmentId(), unit,
                current == null ? null : current.departmentId());
        requirePart(PartKind.POSITIONS, "positionId", form.getPositionId(), unit,
                current == null ? null : current.positionId());
        if (current != null && form.getClearance() != current.clearance()) {
            throw new BusinessRuleViolation("clearance", "org.person.clearance.viaPersonnel");
        }
        if (form.getEmploymentType().needsApprovedExceptionForClearance() && form.getClearance() != ClearanceLevel.NONE) {
            throw new BusinessRuleViolation("clearance", "org.person.clearance.needsException");
        }
        return new Persons.Data(unit.id(), form.getDepartmentId(), form.getPositionId(), form.getName().trim(),
                number == null ? null : cipher.encrypt(number), digest, number == null ? null : IdNumbers.mask(number),
                form.getEmploymentType(), form.getClearance());
    }

    /** A department or position must belong to the person's unit and, when newly chosen, be active. */
    private void requirePart(PartKind kind, String field, Long partId, Unit unit, Long currentId) {
        if (partId == null) {
            return;
        }
        Part part = parts.parts(kind).find(partId).orElse(null);
        if (part == null || part.unitId() != unit.id()) {
            throw new BusinessRuleViolation(field, "org.person." + kind.single() + ".otherUnit");
        }
        if (!part.active() && !Objects.equals(partId, currentId)) {
            throw new BusinessRuleViolation(field, "org.person." + kind.single() + ".inactive");
        }
    }
}
