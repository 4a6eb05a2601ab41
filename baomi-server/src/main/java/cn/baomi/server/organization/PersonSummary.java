package cn.baomi.server.organization;

import cn.baomi.server.shared.ClearanceLevel;

/** A person as other modules see them: never the ID number. {@code departmentId} and {@code positionId} may be null. */
public record PersonSummary(long id, long unitId, Long departmentId, String name, ClearanceLevel clearance,
                            EmploymentType employmentType, boolean active, Long positionId) {
}
