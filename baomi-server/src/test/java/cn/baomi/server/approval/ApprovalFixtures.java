package cn.baomi.server.approval;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;
import cn.baomi.server.support.TestIdNumbers;

/**
 * A uniquely named unit with two departments (办公室, 机要科) and, each as a signed-in user linked to a
 * person: staff and the head of the office, the head and staff of 机要科, two secrecy officers and a
 * unit leader (no department), plus the officer, a department head and the leader of another unit; and requests
 * made through the service as a given user.
 */
@Component
final class ApprovalFixtures {

    private static final AtomicLong serial = new AtomicLong(System.nanoTime() % 500_000);

    record Office(long unit, long office, long registry, CurrentUser staff, CurrentUser head, CurrentUser registryHead,
                  CurrentUser registryStaff, CurrentUser officer, CurrentUser secondOfficer, CurrentUser leader,
                  CurrentUser foreignOfficer, CurrentUser foreignHead, CurrentUser foreignLeader) {
    }

    private final OrganizationSetup organization;
    private final ApprovalService service;

    ApprovalFixtures(OrganizationSetup organization, ApprovalService service) {
        this.organization = organization;
        this.service = service;
    }

    Office office() {
        try {
            long unit = unit("市档案馆");
            long other = unit("市审计局");
            long office = organization.createDepartment(unit, "办公室");
            long registry = organization.createDepartment(unit, "机要科");
            long otherDepartment = organization.createDepartment(other, "办公室");
            return new Office(unit, office, registry,
                    user(unit, office, "张员", Role.STAFF),
                    user(unit, office, "李主任", Role.DEPARTMENT_HEAD),
                    user(unit, registry, "王科长", Role.DEPARTMENT_HEAD),
                    user(unit, registry, "赵员", Role.STAFF),
                    user(unit, null, "钱保密", Role.SECRECY_OFFICER),
                    user(unit, null, "孙保密", Role.SECRECY_OFFICER),
                    user(unit, null, "周馆长", Role.UNIT_LEADER),
                    user(other, null, "吴保密", Role.SECRECY_OFFICER),
                    user(other, otherDepartment, "郑主任", Role.DEPARTMENT_HEAD),
                    user(other, null, "冯局长", Role.UNIT_LEADER));
        } finally {
            TestUsers.signOut();
        }
    }

    private long unit(String name) {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        String code = "A" + serial.incrementAndGet();
        return organization.createUnit(null, code, name + code, false);
    }

    /** A person in the unit and a signed-in user of theirs holding the role. */
    CurrentUser user(long unitId, Long departmentId, String name, Role role) {
        TestUsers.signIn(TestUsers.user(unitId, null, Role.SECRECY_OFFICER));
        long person = organization.registerPerson(new OrganizationSetup.NewPerson(name, TestIdNumbers.next(), unitId, departmentId,
                null, EmploymentType.REGULAR, ClearanceLevel.IMPORTANT));
        return TestUsers.user(unitId, person, role);
    }

    /** Asks for the approval as the requester; returns its id. */
    long request(CurrentUser requester, NewApproval approval) {
        TestUsers.signIn(requester);
        try {
            return service.request(approval);
        } finally {
            TestUsers.signOut();
        }
    }

    static NewApproval copy(String level) {
        return new NewApproval("test.kind", "test", "T-1", "复制会议纪要一份", level, false);
    }

    static NewApproval abroad(String level) {
        return new NewApproval("test.kind", "test", "T-2", "携带笔记本出境", level, true);
    }
}
