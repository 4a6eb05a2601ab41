package cn.baomi.server.personnel;

/** Where a requested level change stands: waiting for its approval, in force, refused or taken back. */
enum LevelState {
    PENDING, GRANTED, REFUSED, WITHDRAWN
}
