package cn.baomi.server.carrier;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An event asked for on one copy, by the pages or by {@code POST /api/carriers/{id}/events}: the type and the
 * fields it needs (receiver or borrower, due date, channel and counterpart, new place, note).
 */
class CopyAction {

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

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), 500));
    }
}
