package cn.baomi.server.carrier;

/** What a carrier is made of: paper, optical disc, magnetic disk, flash medium (USB stick, SSD) or another object. */
enum CarrierType {
    PAPER, OPTICAL, MAGNETIC, FLASH, OTHER
}
