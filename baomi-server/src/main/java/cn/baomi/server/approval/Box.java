package cn.baomi.server.approval;

/** The two lists of the approvals page: waiting for my decision (待我审批), and my own requests (我的申请). */
enum Box {
    PENDING, MINE;

    static Box of(String code) {
        return "mine".equalsIgnoreCase(code) ? MINE : PENDING;
    }

    String code() {
        return name().toLowerCase();
    }
}
