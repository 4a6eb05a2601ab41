package cn.baomi.server.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PersonDirectory} for other modules: summaries without ID numbers, no scope check. */
@Component
class PersonLookup implements PersonDirectory {

    private final Persons persons;
    private final Departments departments;

    PersonLookup(Persons persons, Departments departments) {
        this.persons = persons;
        this.departments = departments;
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

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> departmentNames(Collection<Long> unitIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (!unitIds.isEmpty()) {
            departments.search(unitIds, null, true, 0, Integer.MAX_VALUE).forEach(d -> names.put(d.id(), d.name()));
        }
        return names;
    }
}
