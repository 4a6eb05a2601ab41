package cn.baomi.server.carrier;

/** Where a carrier comes from: made in the unit, made by a qualified maker, or received from a sending unit. */
enum Origin {
    OWN_UNIT, QUALIFIED_MAKER, RECEIVED
}
