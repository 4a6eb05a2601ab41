package cn.baomi.server.organization;

/** A department (内设部门) or position (岗位) of a unit. */
record Part(long id, long unitId, String unitName, String name, boolean active) {
}
