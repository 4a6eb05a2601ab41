package cn.baomi.server.carrier;

/**
 * One event of {@code POST /api/carriers/events}: the fields of {@code POST /api/carriers/{id}/events} and the
 * carrier the copy belongs to.
 */
class CarrierEvent extends CopyAction {

    /** The most events one request may carry. */
    static final int MOST = 100;

    private Long carrierId;

    public Long getCarrierId() { return carrierId; }
    public void setCarrierId(Long carrierId) { this.carrierId = carrierId; }
}
