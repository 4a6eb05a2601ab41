package cn.baomi.server.carrier;

/** How a carrier travels: confidential courier (机要交通), confidential mail (机要通信), by hand, or another approved channel. */
enum Channel {
    CONFIDENTIAL_COURIER, CONFIDENTIAL_MAIL, BY_HAND, OTHER_APPROVED
}
