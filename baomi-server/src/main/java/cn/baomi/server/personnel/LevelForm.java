package cn.baomi.server.personnel;

import cn.baomi.server.shared.ClearanceLevel;

/** A request to change a person's level: the new level, why, and for temporary, seconded or trainee staff the exception. */
class LevelForm {

    static final int MAX_TEXT = 500;
    private ClearanceLevel toLevel;
    private String reason;
    private String exceptionReason;

    public ClearanceLevel getToLevel() {
        return toLevel;
    }

    public void setToLevel(ClearanceLevel toLevel) {
        this.toLevel = toLevel;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getExceptionReason() {
        return exceptionReason;
    }

    public void setExceptionReason(String exceptionReason) {
        this.exceptionReason = exceptionReason;
    }
}
