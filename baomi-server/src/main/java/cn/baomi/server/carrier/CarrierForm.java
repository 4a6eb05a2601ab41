package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Registering a carrier: what it is, level, duration, scope, origin and how many copies; every copy starts with
 * the same custodian and place (a safe of the unit or a named place). Used by the page and the API.
 */
class CarrierForm {

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
    private Integer durationAmount;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate durationUntil;
    private String durationCondition;
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
    private List<Long> scopePersonIds = new ArrayList<>();
    private List<Long> scopeDepartmentIds = new ArrayList<>();
    private List<Long> scopePositionIds = new ArrayList<>();
    private List<Long> scopeUnitIds = new ArrayList<>();

    List<CarrierScopes.Entry> scope() {
        List<CarrierScopes.Entry> entries = new ArrayList<>();
        add(entries, ScopeKind.PERSON, scopePersonIds);
        add(entries, ScopeKind.DEPARTMENT, scopeDepartmentIds);
        add(entries, ScopeKind.POSITION, scopePositionIds);
        add(entries, ScopeKind.UNIT, scopeUnitIds);
        return entries;
    }

    private static void add(List<CarrierScopes.Entry> entries, ScopeKind kind, List<Long> ids) {
        if (ids != null) {
            ids.stream().filter(id -> id != null).distinct().forEach(id -> entries.add(new CarrierScopes.Entry(kind, id)));
        }
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
    public Integer getDurationAmount() { return durationAmount; }
    public void setDurationAmount(Integer durationAmount) { this.durationAmount = durationAmount; }
    public LocalDate getDurationUntil() { return durationUntil; }
    public void setDurationUntil(LocalDate durationUntil) { this.durationUntil = durationUntil; }
    public String getDurationCondition() { return durationCondition; }
    public void setDurationCondition(String durationCondition) { this.durationCondition = durationCondition; }
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
    public List<Long> getScopePersonIds() { return scopePersonIds; }
    public void setScopePersonIds(List<Long> ids) { this.scopePersonIds = ids; }
    public List<Long> getScopeDepartmentIds() { return scopeDepartmentIds; }
    public void setScopeDepartmentIds(List<Long> ids) { this.scopeDepartmentIds = ids; }
    public List<Long> getScopePositionIds() { return scopePositionIds; }
    public void setScopePositionIds(List<Long> ids) { this.scopePositionIds = ids; }
    public List<Long> getScopeUnitIds() { return scopeUnitIds; }
    public void setScopeUnitIds(List<Long> ids) { this.scopeUnitIds = ids; }
}
