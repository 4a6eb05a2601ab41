package cn.baomi.server.personnel;

import cn.baomi.server.shared.ClearanceLevel;

/** Filters of the roster: level, unit, department, a status and a name fragment; all optional. */
record RosterQuery(ClearanceLevel level, Long unitId, Long departmentId, RosterStatus status, String q) {

    static RosterQuery all() {
        return new RosterQuery(null, null, null, null, null);
    }
}
