package cn.baomi.server.personnel.travel;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.shared.CurrentUser;

/** The persons a user may file a trip or register a document for: anyone of the secrecy office's units, else oneself. */
@Component
class TravelPeople {

    private final UnitDirectory units;
    private final PersonDirectory persons;
    private final PersonnelAccess access;

    TravelPeople(UnitDirectory units, PersonDirectory persons, PersonnelAccess access) {
        this.units = units;
        this.persons = persons;
        this.access = access;
    }

    /** Whether the user is the secrecy office of some unit (registers and issues travel documents). */
    boolean keeper() {
        CurrentUser user = CurrentUser.require();
        return units.visibleUnitIds(user).stream().anyMatch(u -> access.isSecrecyOffice(user, u));
    }

    List<PersonSummary> keptByMe() {
        CurrentUser user = CurrentUser.require();
        Stream<PersonSummary> office = units.visibleUnitIds(user).stream().filter(u -> access.isSecrecyOffice(user, u))
                .flatMap(u -> persons.activeInUnit(u).stream());
        Stream<PersonSummary> self = user.personId() == null ? Stream.empty() : persons.find(user.personId()).stream();
        return Stream.concat(self, office).distinct().toList();
    }
}
