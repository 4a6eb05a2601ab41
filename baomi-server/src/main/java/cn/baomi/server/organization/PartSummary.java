package cn.baomi.server.organization;

/** A department (内设部门) or position (岗位) of a unit as other modules see it: names are unique within the unit. */
public record PartSummary(long id, long unitId, String name) {
}
