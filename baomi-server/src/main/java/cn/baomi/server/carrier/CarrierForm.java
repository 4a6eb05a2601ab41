package cn.baomi.server.carrier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * Registering a carrier: what it is, level, duration, scope, origin and how many copies; every copy starts with
 * the same custodian and place (a safe of the unit or a named place). Used by the page and the API.
 */
class CarrierForm extends ClassificationFields {

    private Long unitId;
    @NotNull(message = "{validation.required}")
    private CarrierType type;
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String title;
    @Size(max = 100, message = "{validation.tooLong}")
    private String documentNumber;
    @NotNull(message = "{validation.required}")
    private SecretLevel level;
    @NotNull(message = "{validation.required}")
    private SecrecyDuration.Kind durationKind = SecrecyDuration.Kind.DEFAULT;
    @NotNull(message = "{validation.required}")
    private Origin origin = Origin.OWN_UNIT;
    @Size(max = 100, message = "{validation.tooLong}")
    private String originName;
    private Channel channel;
    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{carrier.copies.range}")
    @Max(value = 100, message = "{carrier.copies.range}")
    private Integer copies = 1;
    @NotNull(message = "{validation.required}")
    private Long custodianId;
    private Long safeId;
    @Size(max = 100, message = "{validation.tooLong}")
    private String place;

    /**
     * The rules a registration breaks that the form alone shows (no scope, no origin named for a carrier made or sent
     * elsewhere), all of them, so that the page can list them together with the field errors.
     */
    List<BusinessRuleViolation> incomplete() {
        List<BusinessRuleViolation> problems = new ArrayList<>();
        if (scope().isEmpty()) {
            problems.add(new BusinessRuleViolation("scopePersonIds", "carrier.scope.required"));
        }
        if (origin != null && origin != Origin.OWN_UNIT && (originName == null || originName.isBlank())) {
            problems.add(new BusinessRuleViolation("originName", "carrier.origin.nameRequired"));
        }
        return problems;
    }

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
