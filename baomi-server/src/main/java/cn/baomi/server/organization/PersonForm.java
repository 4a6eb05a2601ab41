package cn.baomi.server.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * A person as entered in the form or sent to the API. Sizes match the columns of {@code persons}. The ID
 * number is checked by {@link IdNumbers}; on an edit a blank ID number keeps the stored one.
 */
class PersonForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 50, message = "{validation.tooLong}")
    private String name;
    @IdNumberShape
    private String idNumber;
    @NotNull(message = "{validation.required}")
    private Long unitId;
    private Long departmentId;
    private Long positionId;
    @NotNull(message = "{validation.required}")
    private EmploymentType employmentType;
    @NotNull(message = "{validation.required}")
    private ClearanceLevel clearance;

    static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.name = person.name();
        form.unitId = person.unitId();
        form.departmentId = person.departmentId();
        form.positionId = person.positionId();
        form.employmentType = person.employmentType();
        form.clearance = person.clearance();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public Long getPositionId() {
        return positionId;
    }

    public void setPositionId(Long positionId) {
        this.positionId = positionId;
    }

    public EmploymentType getEmploymentType() {
        return employmentType;
    }

    public void setEmploymentType(EmploymentType employmentType) {
        this.employmentType = employmentType;
    }

    public ClearanceLevel getClearance() {
        return clearance;
    }

    public void setClearance(ClearanceLevel clearance) {
        this.clearance = clearance;
    }
}
