package cn.baomi.server.carrier;

/** How a medium was repaired (domain.md §4 rule 7): by the unit's own technicians, by an outsider under on-site supervision, or sent out with its storage parts removed. */
enum RepairMode {
    IN_HOUSE, SUPERVISED_OUTSIDER, SENT_OUT
}
