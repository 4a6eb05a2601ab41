package cn.baomi.server.personnel;

import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/**
 * Who sees a person's secrecy file (docs/decisions/personnel.md): the secrecy office of the person's unit or of
 * a unit above it, the person's leaders (the head of their department, a leader of their unit) and the person
 * themself. Everyone else — other staff, other units, the supervisor, the three administrators — is told the
 * file does not exist (404). Only the secrecy office writes.
 */
@Component
public class PersonnelAccess {

    private final UnitDirectory units;
    private final PersonDirectory persons;

    PersonnelAccess(UnitDirectory units, PersonDirectory persons) {
        this.units = units;
        this.persons = persons;
    }

    public boolean canRead(CurrentUser user, long personId) {
        if (user == null || user.isAdministrator()) {
            return false;
        }
        Optional<PersonSummary> found = persons.find(personId);
        if (found.isEmpty()) {
            return false;
        }
        PersonSummary person = found.get();
        return isSelf(user, personId) || isSecrecyOffice(user, person.unitId()) || isLeaderOf(user, person);
    }

    /** Throws {@link NotFound} (404) when the user may not read the person's file. */
    public void checkCanRead(CurrentUser user, long personId) {
        if (!canRead(user, personId)) {
            throw new NotFound("personnel file", personId);
        }
    }

    /** The secrecy office of this unit or of a unit above it. */
    public boolean isSecrecyOffice(CurrentUser user, long unitId) {
        return user != null && !user.isAdministrator() && user.has(Role.SECRECY_OFFICER)
                && units.isInScope(user, unitId);
    }

    /** For writes: 404 when the user may not even read the file, 403 when they read it but are not the secrecy office. */
    PersonSummary requireKeeper(CurrentUser user, long personId) {
        checkCanRead(user, personId);
        PersonSummary person = persons.find(personId).orElseThrow(() -> new NotFound("person", personId));
        if (!isSecrecyOffice(user, person.unitId())) {
            throw new AccessDeniedException("only the secrecy office keeps secrecy files");
        }
        return person;
    }

    /** Whether the user keeps secrecy files at all (for menus and lists). */
    boolean isKeeper(CurrentUser user) {
        return user != null && !user.isAdministrator() && user.has(Role.SECRECY_OFFICER) && user.unitId() != null;
    }

    private static boolean isSelf(CurrentUser user, long personId) {
        return user.personId() != null && user.personId() == personId;
    }

    /** A leader of the person's unit, or the head of the person's department (same unit, same department). */
    boolean isLeaderOf(CurrentUser user, PersonSummary person) {
        if (user.unitId() == null || user.unitId() != person.unitId()) {
            return false;
        }
        if (user.has(Role.UNIT_LEADER)) {
            return true;
        }
        if (!user.has(Role.DEPARTMENT_HEAD) || person.departmentId() == null || user.personId() == null) {
            return false;
        }
        return persons.find(user.personId()).filter(PersonSummary::active)
                .map(head -> Objects.equals(head.departmentId(), person.departmentId()))
                .orElse(false);
    }
}
