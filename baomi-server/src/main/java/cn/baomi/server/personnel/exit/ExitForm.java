package cn.baomi.server.personnel.exit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** Opening an exit: whose, why, and the approved date of leaving the post (the cool-off counts from it). */
class ExitForm {

    private Long personId;
    private String reason;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate leaveDate;

    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getLeaveDate() { return leaveDate; }
    public void setLeaveDate(LocalDate leaveDate) { this.leaveDate = leaveDate; }
}
