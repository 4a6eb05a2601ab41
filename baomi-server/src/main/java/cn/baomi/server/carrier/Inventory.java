package cn.baomi.server.carrier;

import java.time.Instant;

/** One inventory (清查) of a unit's copies: opened by the secrecy office with a snapshot, closed once. */
record Inventory(long id, long unitId, State state, String openedBy, Instant openedAt, String closedBy,
                 Instant closedAt) {

    enum State { OPEN, CLOSED }

    public boolean open() {
        return state == State.OPEN;
    }
}
