package cn.baomi.server.incident;

/** What happened. Only lost carriers (载体丢失) so far; leaks by other paths come with their modules. */
enum IncidentKind {
    CARRIER_LOST
}
