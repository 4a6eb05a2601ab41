package cn.baomi.server.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persons as other modules see them, without the ID number. It does not check the caller's scope:
 * a module shows a person only inside a record it has already scoped with {@link UnitDirectory}.
 */
public interface PersonDirectory {

    Optional<PersonSummary> find(long id);

    List<PersonSummary> activeInUnit(long unitId);

    /** The names of the departments (active or not) of these units, by id: for showing persons grouped by department. */
    Map<Long, String> departmentNames(java.util.Collection<Long> unitIds);
}
