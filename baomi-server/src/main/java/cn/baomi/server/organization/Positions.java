package cn.baomi.server.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The positions (岗位) of the units. */
@Repository
class Positions extends UnitParts {

    Positions(JdbcClient jdbc, OrganizationChanges changes) {
        super(jdbc, changes, "positions");
    }
}
