package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A request to travel abroad: who (the signed-in person, or anyone of its units for the secrecy office), where, why, when. */
class TravelForm {

    private Long personId;
    private String destination;
    private String purpose;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate departOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate returnOn;

    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public LocalDate getDepartOn() { return departOn; }
    public void setDepartOn(LocalDate departOn) { this.departOn = departOn; }
    public LocalDate getReturnOn() { return returnOn; }
    public void setReturnOn(LocalDate returnOn) { this.returnOn = returnOn; }
}
