package cn.baomi.scan.marking;

/** The shape a marking candidate takes on its line. */
enum Form {
    /** 机密★5年, 绝密★长期, 机密★2027年12月31日, 机密★会议开始前. */
    STAR_DURATION,
    /** 机密★5年 with an OCR-confused star (机密女5年). */
    OCR_STAR_DURATION,
    /** 机密★ with nothing after the star. */
    STAR_ONLY,
    /** 密级：机密 (a form field), possibly followed by 保密期限. */
    FIELD,
    /** The level alone on its line. */
    ALONE,
    /** The level at line start, set apart from the text after it (space, brackets). */
    LEADING,
    /** 内部事项 注意保管 / 内部资料 注意保管. */
    INTERNAL_CARE,
    /** A strong form set apart from preceding text on its line (not at line start). */
    STAR_AFTER_GAP
}
