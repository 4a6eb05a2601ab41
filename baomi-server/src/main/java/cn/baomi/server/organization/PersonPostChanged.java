package cn.baomi.server.organization;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Published when a person's post changes — their unit, department or position (岗位变动) — in the transaction of the
 * change. A cleared person's post change calls for a re-review (domain.md §3); the personnel module schedules it.
 * Department and position ids may be null (none).
 */
public record PersonPostChanged(long personId, long fromUnitId, long toUnitId, Long fromDepartmentId,
                                Long toDepartmentId, Long fromPositionId, Long toPositionId, LocalDate changedOn) {

    /** Whether unit, department or position differ; a new name or employment type is no change of post. */
    static boolean between(long fromUnit, Long fromDepartment, Long fromPosition, long toUnit, Long toDepartment,
                           Long toPosition) {
        return fromUnit != toUnit || !Objects.equals(fromDepartment, toDepartment)
                || !Objects.equals(fromPosition, toPosition);
    }
}
