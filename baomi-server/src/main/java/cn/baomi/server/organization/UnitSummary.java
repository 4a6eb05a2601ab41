package cn.baomi.server.organization;

/** A unit as other modules see it. {@code parentId} is null for a top unit; {@code code} is its short code. */
public record UnitSummary(long id, String name, Long parentId, boolean supervising, boolean active, String code) {
}
