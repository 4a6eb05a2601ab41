package cn.baomi.scan.text;

/** Parts of a document where a marking is expected to stand. */
public enum Zone {
    HEADER, FOOTER, FIRST_CELL, TEXT_BOX, PROPERTY
}
