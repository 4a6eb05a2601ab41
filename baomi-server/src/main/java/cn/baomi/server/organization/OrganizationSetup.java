package cn.baomi.server.organization;

import org.springframework.stereotype.Service;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The organisation's write use cases for other modules (the demo loader, later imports): the same rules,
 * checks and audit records as the pages and the API, because it goes through the same services.
 */
@Service
public class OrganizationSetup {

    private final UnitService units;
    private final PartService parts;
    private final PersonService persons;

    OrganizationSetup(UnitService units, PartService parts, PersonService persons) {
        this.units = units;
        this.parts = parts;
        this.persons = persons;
    }

    public record NewPerson(String name, String idNumber, long unitId, Long departmentId, Long positionId,
                            EmploymentType employmentType, ClearanceLevel clearance) {
    }

    public long createUnit(Long parentId, String code, String name, boolean supervising) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        form.setCode(code);
        form.setName(name);
        form.setSupervising(supervising);
        return units.create(form);
    }

    public long createDepartment(long unitId, String name) {
        return parts.create(PartKind.DEPARTMENTS, partForm(unitId, name));
    }

    public long createPosition(long unitId, String name) {
        return parts.create(PartKind.POSITIONS, partForm(unitId, name));
    }

    public long registerPerson(NewPerson person) {
        PersonForm form = new PersonForm();
        form.setName(person.name());
        form.setIdNumber(person.idNumber());
        form.setUnitId(person.unitId());
        form.setDepartmentId(person.departmentId());
        form.setPositionId(person.positionId());
        form.setEmploymentType(person.employmentType());
        form.setClearance(person.clearance());
        return persons.create(form);
    }

    private static PartForm partForm(long unitId, String name) {
        PartForm form = new PartForm();
        form.setUnitId(unitId);
        form.setName(name);
        return form;
    }
}
