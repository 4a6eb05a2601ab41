package cn.baomi.server.carrier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;
import cn.baomi.server.support.TestIdNumbers;

/**
 * A realistic, uniquely named organisation for ledger tests: a bureau with a unit and a sibling unit below it;
 * in the unit a department and a position, a custodian, and one person of each clearance inside the
 * department (inside a department scope) and one of each clearance outside it.
 */
final class CarrierFixtures {

    private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 10_000);

    record Org(long bureau, long unit, long sibling, long department, long position, long custodian, long colleague,
               Map<ClearanceLevel, Long> inside, Map<ClearanceLevel, Long> outside, long siblingPerson) {

        CurrentUser officer() {
            return TestUsers.user(unit, null, Role.SECRECY_OFFICER);
        }

        CurrentUser as(long personId, Role role) {
            return TestUsers.user(unit, personId, role);
        }
    }

    private final OrganizationSetup organization;
    private final CarrierService carriers;

    CarrierFixtures(OrganizationSetup organization, CarrierService carriers) {
        this.organization = organization;
        this.carriers = carriers;
    }

    Org org() {
        return orgBelow(null);
    }

    /** The organisation with its bureau below {@code top} (a top unit itself when null). */
    Org orgBelow(Long top) {
        try {
            TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
            long bureau = organization.createUnit(top, code(), "市保密局", true);
            long unit = organization.createUnit(bureau, code(), "市发展改革委", false);
            long sibling = organization.createUnit(bureau, code(), "市财政局", false);
            long department = organization.createDepartment(unit, "办公室");
            long position = organization.createPosition(unit, "机要员");
            TestUsers.signIn(TestUsers.user(bureau, null, Role.SECRECY_OFFICER));
            long custodian = person(unit, department, null, "管理员", ClearanceLevel.CORE);
            long colleague = person(unit, department, null, "同事", ClearanceLevel.CORE);
            Map<ClearanceLevel, Long> inside = new EnumMap<>(ClearanceLevel.class);
            Map<ClearanceLevel, Long> outside = new EnumMap<>(ClearanceLevel.class);
            for (ClearanceLevel c : ClearanceLevel.values()) {
                inside.put(c, person(unit, department, null, "内" + c.ordinal(), c));
                outside.put(c, person(unit, null, null, "外" + c.ordinal(), c));
            }
            long siblingPerson = person(sibling, null, null, "财政", ClearanceLevel.CORE);
            return new Org(bureau, unit, sibling, department, position, custodian, colleague, inside, outside, siblingPerson);
        } finally {
            TestUsers.signOut();
        }
    }

    /** One more person of the unit, registered by the bureau's secrecy office. */
    long personIn(Org org, Long department, Long position, ClearanceLevel clearance) {
        TestUsers.signIn(TestUsers.user(org.bureau(), null, Role.SECRECY_OFFICER));
        try {
            return person(org.unit(), department, position, "新" + counter.incrementAndGet(), clearance);
        } finally {
            TestUsers.signOut();
        }
    }

    long person(long unit, Long department, Long position, String name, ClearanceLevel clearance) {
        return organization.registerPerson(new OrganizationSetup.NewPerson(name, TestIdNumbers.next(), unit, department, position,
                EmploymentType.REGULAR, clearance));
    }

    /** A carrier of the unit whose scope is the department, registered by the unit's secrecy office. */
    long carrier(Org org, SecretLevel level, String title) {
        return carrier(org, level, title, List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
    }

    long carrier(Org org, SecretLevel level, String title, List<CarrierScopes.Entry> scope, int copies) {
        CarrierForm form = form(org, level, title, scope, copies);
        TestUsers.signIn(org.officer());
        try {
            return carriers.register(form);
        } finally {
            TestUsers.signOut();
        }
    }

    static CarrierForm form(Org org, SecretLevel level, String title, List<CarrierScopes.Entry> scope, int copies) {
        CarrierForm form = new CarrierForm();
        form.setType(CarrierType.PAPER);
        form.setTitle(title);
        form.setDocumentNumber("发改〔2026〕" + counter.incrementAndGet() + "号");
        form.setLevel(level);
        form.setDurationKind(SecrecyDuration.Kind.DEFAULT);
        form.setCopies(copies);
        form.setCustodianId(org.custodian());
        form.setPlace("机要室");
        for (CarrierScopes.Entry e : scope) {
            switch (e.kind()) {
                case PERSON -> form.getScopePersonIds().add(e.refId());
                case DEPARTMENT -> form.getScopeDepartmentIds().add(e.refId());
                case POSITION -> form.getScopePositionIds().add(e.refId());
                case UNIT -> form.getScopeUnitIds().add(e.refId());
            }
        }
        return form;
    }

    static List<Long> copyIds(JdbcClient jdbc, long carrierId) {
        return jdbc.sql("select id from carrier_copies where carrier_id = ? order by copy_number").param(carrierId)
                .query(Long.class).list();
    }

    static String uniqueTitle(String base) {
        return base + "-" + counter.incrementAndGet();
    }

    private static String code() {
        return "C" + counter.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

}
