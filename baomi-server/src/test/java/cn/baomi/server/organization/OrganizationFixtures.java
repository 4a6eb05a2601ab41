package cn.baomi.server.organization;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;

/**
 * Builds a realistic, uniquely named unit tree through the services: a city secrecy bureau with a unit
 * below it (itself with a subordinate unit) and a sibling unit; departments and positions; in the
 * unit one person of every employment type, and one person in each other unit.
 */
final class OrganizationFixtures {

    private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 1_000);
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

    /** The tree: bureau → unit → sub, bureau → sibling. */
    record Tree(long bureau, long unit, long sub, long sibling, long unitDepartment, long unitPosition,
                long subDepartment, Map<EmploymentType, Long> unitPersons, long bureauPerson, long subPerson,
                long siblingPerson) {

        long regular() {
            return unitPersons.get(EmploymentType.REGULAR);
        }
    }

    private final UnitService units;
    private final PartService parts;
    private final PersonService persons;

    OrganizationFixtures(UnitService units, PartService parts, PersonService persons) {
        this.units = units;
        this.parts = parts;
        this.persons = persons;
    }

    Tree tree() {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            long bureau = unit(null, "市保密局", true);
            long unit = unit(bureau, "市发展改革委", false);
            long sub = unit(unit, "市价格监测中心", false);
            long sibling = unit(bureau, "市财政局", false);
            long unitDepartment = part(PartKind.DEPARTMENTS, unit, "办公室");
            long unitPosition = part(PartKind.POSITIONS, unit, "科员");
            long subDepartment = part(PartKind.DEPARTMENTS, sub, "综合科");
            TestUsers.signIn(officerOf(bureau));
            Map<EmploymentType, Long> unitPersons = new EnumMap<>(EmploymentType.class);
            for (EmploymentType type : EmploymentType.values()) {
                ClearanceLevel clearance = type.needsApprovedExceptionForClearance() ? ClearanceLevel.NONE
                        : ClearanceLevel.GENERAL;
                unitPersons.put(type, person(unit, unitDepartment, unitPosition, "张" + type.ordinal(), type, clearance));
            }
            long bureauPerson = person(bureau, null, null, "李局", EmploymentType.REGULAR, ClearanceLevel.IMPORTANT);
            long subPerson = person(sub, subDepartment, null, "王中心", EmploymentType.REGULAR, ClearanceLevel.GENERAL);
            long siblingPerson = person(sibling, null, null, "赵财政", EmploymentType.REGULAR, ClearanceLevel.NONE);
            return new Tree(bureau, unit, sub, sibling, unitDepartment, unitPosition, subDepartment, unitPersons,
                    bureauPerson, subPerson, siblingPerson);
        } finally {
            TestUsers.signOut();
        }
    }

    long unit(Long parentId, String name, boolean supervising) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        form.setCode(uniqueCode());
        form.setName(name);
        form.setSupervising(supervising);
        return units.create(form);
    }

    long part(PartKind kind, long unitId, String name) {
        PartForm form = new PartForm();
        form.setUnitId(unitId);
        form.setName(name);
        return parts.create(kind, form);
    }

    long person(long unitId, Long departmentId, Long positionId, String name, EmploymentType type,
                ClearanceLevel clearance) {
        return persons.create(personForm(unitId, departmentId, positionId, name, type, clearance, newIdNumber()));
    }

    static PersonForm personForm(long unitId, Long departmentId, Long positionId, String name, EmploymentType type,
                                 ClearanceLevel clearance, String idNumber) {
        PersonForm form = new PersonForm();
        form.setUnitId(unitId);
        form.setDepartmentId(departmentId);
        form.setPositionId(positionId);
        form.setName(name);
        form.setEmploymentType(type);
        form.setClearance(clearance);
        form.setIdNumber(idNumber);
        return form;
    }

    static String uniqueCode() {
        return "U" + counter.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    /** A valid, never used resident ID number (region 110101, varying birth date and sequence). */
    static String newIdNumber() {
        long n = counter.incrementAndGet();
        String birth = LocalDate.of(1960, 1, 1).plusDays(n % 20_000).format(BIRTH);
        String first17 = "110101" + birth + String.format("%03d", (n / 20_000 + System.nanoTime()) % 1000);
        return first17 + IdNumbers.checkDigit(first17);
    }

    static CurrentUser officerOf(long unitId) {
        return TestUsers.user(unitId, null, Role.SECRECY_OFFICER);
    }

    static CurrentUser staffOf(long unitId) {
        return TestUsers.user(unitId, null, Role.STAFF);
    }

    /** A reader of the person register who may not write it. */
    static CurrentUser headOf(long unitId) {
        return TestUsers.user(unitId, null, Role.DEPARTMENT_HEAD);
    }

    static CurrentUser supervisorOf(long unitId) {
        return TestUsers.user(unitId, null, Role.SUPERVISOR);
    }
}
