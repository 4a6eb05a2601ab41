package cn.baomi.server.personnel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * One form for the dated records of a file, bound from pages (multipart) and the API: a background review
 * (kind, date, reviewer, outcome, note, scan), a commitment (kind, date, scan), training (kind, date, topic,
 * hours, test), a reminder talk (date, counterpart, summary) or a major-matter report (date, category, summary).
 * Each use case reads only its fields; the service checks them.
 */
class RecordForm {

    private String kind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String reviewer;
    private ReviewOutcome outcome;
    private String text;
    private String topic;
    private BigDecimal hours;
    private Boolean testPassed;
    private String counterpart;
    private MatterCategory category;
    private MultipartFile scan;

    byte[] scanBytes() {
        if (scan == null || scan.isEmpty()) {
            return null;
        }
        try {
            return scan.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String scanName() {
        return scan == null ? null : scan.getOriginalFilename();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }

    public ReviewOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ReviewOutcome outcome) {
        this.outcome = outcome;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public Boolean getTestPassed() {
        return testPassed;
    }

    public void setTestPassed(Boolean testPassed) {
        this.testPassed = testPassed;
    }

    public String getCounterpart() {
        return counterpart;
    }

    public void setCounterpart(String counterpart) {
        this.counterpart = counterpart;
    }

    public MatterCategory getCategory() {
        return category;
    }

    public void setCategory(MatterCategory category) {
        this.category = category;
    }

    public MultipartFile getScan() {
        return scan;
    }

    public void setScan(MultipartFile scan) {
        this.scan = scan;
    }
}
