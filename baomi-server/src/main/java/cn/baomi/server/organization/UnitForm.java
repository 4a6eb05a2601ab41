package cn.baomi.server.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A unit as entered in the form or sent to the API. Sizes match the columns of {@code units}. */
class UnitForm {

    private Long parentId;
    @NotBlank(message = "{validation.required}")
    @Size(max = 32, message = "{validation.tooLong}")
    private String code;
    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String name;
    private boolean supervising;

    static UnitForm of(Unit unit) {
        UnitForm form = new UnitForm();
        form.parentId = unit.parentId();
        form.code = unit.code();
        form.name = unit.name();
        form.supervising = unit.supervising();
        return form;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isSupervising() {
        return supervising;
    }

    public void setSupervising(boolean supervising) {
        this.supervising = supervising;
    }
}
