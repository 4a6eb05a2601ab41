package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fields a registration ({@link CarrierForm}) and a change of classification ({@link CopyAction}) both bind:
 * the details of the duration of secrecy and the scope of knowledge (知悉范围) by persons, departments, positions
 * and units. The level and the kind of duration stay in each form: a registration requires them, a change may
 * leave them as they are.
 */
abstract class ClassificationFields {

    private Integer durationAmount;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate durationUntil;
    private String durationCondition;
    private List<Long> scopePersonIds = new ArrayList<>();
    private List<Long> scopeDepartmentIds = new ArrayList<>();
    private List<Long> scopePositionIds = new ArrayList<>();
    private List<Long> scopeUnitIds = new ArrayList<>();

    /** The scope given, each id once; empty when none is given. */
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

    public Integer getDurationAmount() { return durationAmount; }
    public void setDurationAmount(Integer durationAmount) { this.durationAmount = durationAmount; }
    public LocalDate getDurationUntil() { return durationUntil; }
    public void setDurationUntil(LocalDate durationUntil) { this.durationUntil = durationUntil; }
    public String getDurationCondition() { return durationCondition; }
    public void setDurationCondition(String durationCondition) { this.durationCondition = durationCondition; }
    public List<Long> getScopePersonIds() { return scopePersonIds; }
    public void setScopePersonIds(List<Long> ids) { this.scopePersonIds = ids; }
    public List<Long> getScopeDepartmentIds() { return scopeDepartmentIds; }
    public void setScopeDepartmentIds(List<Long> ids) { this.scopeDepartmentIds = ids; }
    public List<Long> getScopePositionIds() { return scopePositionIds; }
    public void setScopePositionIds(List<Long> ids) { this.scopePositionIds = ids; }
    public List<Long> getScopeUnitIds() { return scopeUnitIds; }
    public void setScopeUnitIds(List<Long> ids) { this.scopeUnitIds = ids; }
}
