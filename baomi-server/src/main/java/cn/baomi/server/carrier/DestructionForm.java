package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Building a destruction list ({@code copyIds}, {@code reason}) and completing it (destruction body,
 * certificate number and date, destroyer and witness), from the pages or {@code /api/carriers/destruction-lists}.
 */
class DestructionForm {

    private List<Long> copyIds = new ArrayList<>();
    private String reason;
    private String body;
    private String certificateNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate certificateDate;
    private Long destroyerId;
    private Long witnessId;

    public List<Long> getCopyIds() { return copyIds; }
    public void setCopyIds(List<Long> copyIds) { this.copyIds = copyIds == null ? new ArrayList<>() : copyIds; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getCertificateNumber() { return certificateNumber; }
    public void setCertificateNumber(String certificateNumber) { this.certificateNumber = certificateNumber; }
    public LocalDate getCertificateDate() { return certificateDate; }
    public void setCertificateDate(LocalDate certificateDate) { this.certificateDate = certificateDate; }
    public Long getDestroyerId() { return destroyerId; }
    public void setDestroyerId(Long destroyerId) { this.destroyerId = destroyerId; }
    public Long getWitnessId() { return witnessId; }
    public void setWitnessId(Long witnessId) { this.witnessId = witnessId; }
}
