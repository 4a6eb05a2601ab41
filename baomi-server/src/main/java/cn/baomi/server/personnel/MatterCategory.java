package cn.baomi.server.personnel;

/** What a report of a major personal matter is about (the usual headings of 个人重大事项报告). */
enum MatterCategory {
    MARRIAGE, RELATIVES_ABROAD, FOREIGN_CONTACT, LEGAL, HEALTH, OTHER
}
