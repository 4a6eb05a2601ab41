package cn.baomi.server.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * {@link PersonDirectory} for other modules: summaries without ID numbers, no scope check. A person found by id is
 * kept until the organisation changes ({@link OrganizationChanges}) and for a minute at most: every access check
 * asks for the viewer's person, and a lending for the borrower's (docs/decisions/ledger-performance.md, "Caches of
 * data that rarely changes").
 */
@Component
class PersonLookup implements PersonDirectory {

    static final int MOST_KEPT = 20_000;
    static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Kept(PersonSummary person, long generation, long until) {
    }

    private final Persons persons;
    private final Departments departments;
    private final ChangeGeneration generation;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    PersonLookup(Persons persons, Departments departments, OrganizationChanges changes) {
        this.persons = persons;
        this.departments = departments;
        this.generation = changes.generation();
    }

    @Override
    public Optional<PersonSummary> find(long id) {
        long now = System.nanoTime();
        Kept k = kept.get(id);
        if (k != null && now - k.until() < 0 && generation.isCurrent(k.generation())) {
            return Optional.of(k.person());
        }
        long current = generation.current();
        Optional<PersonSummary> found = persons.find(id).map(Person::summary);
        if (found.isPresent() && current != ChangeGeneration.NONE) {
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            kept.put(id, new Kept(found.get(), current, now + KEEP_NANOS));
        }
        return found;
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
