package cn.baomi.server.carrier;

/** What a need-to-know scope entry names. */
enum ScopeKind {
    PERSON, DEPARTMENT, POSITION, UNIT
}
