package cn.baomi.server.organization;

import cn.baomi.server.shared.ClearanceLevel;

/** The filters of the person list; null means any. {@code active} null lists active and deactivated. */
record PersonQuery(String q, Long unitId, Long departmentId, ClearanceLevel clearance, EmploymentType employmentType,
                   Boolean active, int page, int size) {
}
