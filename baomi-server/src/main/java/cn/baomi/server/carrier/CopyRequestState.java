package cn.baomi.server.carrier;

/**
 * A copy request waits for its approval, then is granted (the copies exist), refused or withdrawn by the requester
 * (nothing was made).
 */
enum CopyRequestState {
    PENDING, GRANTED, REFUSED, WITHDRAWN
}
