package cn.baomi.server.carrier;

/**
 * Where a carry-out or compilation request stands: waiting, granted, refused, withdrawn by the requester, or
 * (carry-out) used to take the copy out.
 */
enum RequestState {
    PENDING, GRANTED, REFUSED, USED, WITHDRAWN
}
