package cn.baomi.server.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PersonDirectory} for other modules: summaries without ID numbers, no scope check. */
@Component
class PersonLookup implements PersonDirectory {

    private final Persons persons;

    PersonLookup(Persons persons) {
        this.persons = persons;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonSummary> find(long id) {
        return persons.find(id).map(Person::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonSummary> activeInUnit(long unitId) {
        return persons.activeInUnit(unitId).stream().map(Person::summary).toList();
    }
}
