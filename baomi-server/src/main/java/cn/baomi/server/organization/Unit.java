package cn.baomi.server.organization;

/** A unit (单位) of the tree; a supervising unit is a secrecy bureau over the units below it. */
record Unit(long id, Long parentId, String code, String name, boolean supervising, boolean active) {

    UnitSummary summary() {
        return new UnitSummary(id, name, parentId, supervising, active, code);
    }
}
