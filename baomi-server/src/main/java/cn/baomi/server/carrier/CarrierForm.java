package cn.baomi.server.carrier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Registering a carrier: what it is, level, duration, scope, origin and how many copies; every copy starts with
 * the same custodian and place (a safe of the unit or a named place). Used by the page and the API.
 */
class CarrierForm extends ClassificationFields {

    private Long unitId;
    @NotNull
    private CarrierType type;
    @NotBlank
    @Size(max = 200)
    private String title;
    @Size(max = 100)
    private String documentNumber;
    @NotNull
    private SecretLevel level;
    @NotNull
    private SecrecyDuration.Kind durationKind = SecrecyDuration.Kind.DEFAULT;
    @NotNull
    private Origin origin = Origin.OWN_UNIT;
    @Size(max = 100)
    private String originName;
    private Channel channel;
    @NotNull
    @Min(1)
    @Max(100)
    private Integer copies = 1;
    @NotNull
    private Long custodianId;
    private Long safeId;
    @Size(max = 100)
    private String place;

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public CarrierType getType() { return type; }
    public void setType(CarrierType type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
    public SecretLevel getLevel() { return level; }
    public void setLevel(SecretLevel level) { this.level = level; }
    public SecrecyDuration.Kind getDurationKind() { return durationKind; }
    public void setDurationKind(SecrecyDuration.Kind durationKind) { this.durationKind = durationKind; }
    public Origin getOrigin() { return origin; }
    public void setOrigin(Origin origin) { this.origin = origin; }
    public String getOriginName() { return originName; }
    public void setOriginName(String originName) { this.originName = originName; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public Integer getCopies() { return copies; }
    public void setCopies(Integer copies) { this.copies = copies; }
    public Long getCustodianId() { return custodianId; }
    public void setCustodianId(Long custodianId) { this.custodianId = custodianId; }
    public Long getSafeId() { return safeId; }
    public void setSafeId(Long safeId) { this.safeId = safeId; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
}
