package cn.baomi.server.approval;

/**
 * What the approval page shows of an approval's subject: a readable text in the user's language, and the path of
 * the record's page ({@code /carriers/12}), or null when the user may not open it.
 */
public record ApprovalSubject(String text, String link) {
}
