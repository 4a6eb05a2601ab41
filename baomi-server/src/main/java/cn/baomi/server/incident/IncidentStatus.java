package cn.baomi.server.incident;

/** Where an incident stands. Only OPEN so far: investigation and closing are not built yet. */
enum IncidentStatus {
    OPEN
}
