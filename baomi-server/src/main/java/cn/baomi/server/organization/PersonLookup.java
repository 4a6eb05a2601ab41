package cn.baomi.server.organization;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.KeptValues;

/**
 * {@link PersonDirectory} for other modules: summaries without ID numbers, no scope check. A person found by id is
 * kept until the organisation changes ({@link OrganizationChanges}) and for a minute at most: every access check
 * asks for the viewer's person, and a lending for the borrower's (docs/decisions/ledger-performance.md, "Caches of
 * data that rarely changes").
 */
@Component
class PersonLookup implements PersonDirectory {

    private final Persons persons;
    private final Departments departments;
    private final KeptValues<Long, PersonSummary> kept;

    PersonLookup(Persons persons, Departments departments, OrganizationChanges changes) {
        this.persons = persons;
        this.departments = departments;
        this.kept = new KeptValues<>(changes, Duration.ofSeconds(60), 20_000);
    }

    @Override
    public Optional<PersonSummary> find(long id) {
        return kept.get(id, key -> persons.find(key).map(Person::summary));
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
