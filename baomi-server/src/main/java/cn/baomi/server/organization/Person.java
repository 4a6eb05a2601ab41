package cn.baomi.server.organization;

import cn.baomi.server.shared.ClearanceLevel;

/** A person with the names of their unit, department and position. Only the masked ID number is carried. */
record Person(long id, long unitId, String unitName, Long departmentId, String departmentName, Long positionId,
              String positionName, String name, String idNumberMasked, EmploymentType employmentType,
              ClearanceLevel clearance, boolean active) {

    PersonSummary summary() {
        return new PersonSummary(id, unitId, departmentId, name, clearance, employmentType, active, positionId);
    }
}
