package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An event asked for on one copy, by the pages or by {@code POST /api/carriers/{id}/events}: the type and the
 * fields it needs (receiver or borrower, due date, channel and counterpart, new place, note; whether a carry-out
 * goes abroad; the repair mode; for a compilation its further sources, title, type, kind and count; for a change
 * of classification the decision and the new level, duration and scope).
 */
class CopyAction extends ClassificationFields {

    private Long copyId;
    private EventType type;
    private Long personId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    private Channel channel;
    private String counterpart;
    private Long safeId;
    private String place;
    private String note;
    private Boolean abroad;
    private RepairMode mode;
    private Boolean storageRemoved;
    private List<Long> sourceCopyIds = new ArrayList<>();
    private String sourceLedgerNumbers;
    private CompilationKind compilationKind;
    private String title;
    private CarrierType carrierType;
    private Integer count;
    private SecretLevel level;
    private SecrecyDuration.Kind durationKind;
    private String decidedBy;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decidedOn;
    private String basis;

    public Long getCopyId() { return copyId; }
    public void setCopyId(Long copyId) { this.copyId = copyId; }
    public EventType getType() { return type; }
    public void setType(EventType type) { this.type = type; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getCounterpart() { return counterpart; }
    public void setCounterpart(String counterpart) { this.counterpart = counterpart; }
    public Long getSafeId() { return safeId; }
    public void setSafeId(Long safeId) { this.safeId = safeId; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }

    public Boolean getAbroad() { return abroad; }
    public void setAbroad(Boolean abroad) { this.abroad = abroad; }
    public RepairMode getMode() { return mode; }
    public void setMode(RepairMode mode) { this.mode = mode; }
    public Boolean getStorageRemoved() { return storageRemoved; }
    public void setStorageRemoved(Boolean storageRemoved) { this.storageRemoved = storageRemoved; }
    public List<Long> getSourceCopyIds() { return sourceCopyIds; }
    public void setSourceCopyIds(List<Long> sourceCopyIds) { this.sourceCopyIds = sourceCopyIds; }
    public String getSourceLedgerNumbers() { return sourceLedgerNumbers; }
    public void setSourceLedgerNumbers(String numbers) { this.sourceLedgerNumbers = numbers; }
    public CompilationKind getCompilationKind() { return compilationKind; }
    public void setCompilationKind(CompilationKind compilationKind) { this.compilationKind = compilationKind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public CarrierType getCarrierType() { return carrierType; }
    public void setCarrierType(CarrierType carrierType) { this.carrierType = carrierType; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public SecretLevel getLevel() { return level; }
    public void setLevel(SecretLevel level) { this.level = level; }
    public SecrecyDuration.Kind getDurationKind() { return durationKind; }
    public void setDurationKind(SecrecyDuration.Kind durationKind) { this.durationKind = durationKind; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public void setDecidedOn(LocalDate decidedOn) { this.decidedOn = decidedOn; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) { this.basis = basis; }

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), 500));
    }
}
