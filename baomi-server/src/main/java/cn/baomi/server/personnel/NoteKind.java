package cn.baomi.server.personnel;

/** Dated notes of the file: a reminder talk (提醒谈话) or a report of a major personal matter (个人重大事项报告). */
enum NoteKind {
    TALK, MATTER
}
