package cn.baomi.server.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The departments (内设部门) of the units. */
@Repository
class Departments extends UnitParts {

    Departments(JdbcClient jdbc, OrganizationChanges changes) {
        super(jdbc, changes, "departments");
    }
}
