package cn.baomi.server.organization;

import java.util.List;
import java.util.Optional;

/**
 * Persons as other modules see them, without the ID number. It does not check the caller's scope:
 * a module shows a person only inside a record it has already scoped with {@link UnitDirectory}.
 */
public interface PersonDirectory {

    Optional<PersonSummary> find(long id);

    List<PersonSummary> activeInUnit(long unitId);
}
