package cn.baomi.server.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A department or position as entered; the unit is fixed once created. Sizes match the columns. */
class PartForm {

    @NotNull(message = "{validation.required}")
    private Long unitId;
    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String name;

    static PartForm of(Part part) {
        PartForm form = new PartForm();
        form.unitId = part.unitId();
        form.name = part.name();
        return form;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
