package cn.baomi.server.carrier;

import java.io.Serializable;

/**
 * {@code POST /api/carriers/{id}/copy-requests} and the "申请复制" form: how many copies and why. Serializable: a
 * refused form goes back to the page as a flash attribute, which the session store (JDBC) serialises.
 */
class CopyRequestForm implements Serializable {

    static final int MAX_COUNT = 50;
    static final int MAX_REASON = 500;

    private Integer count;
    private String reason;

    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
