package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;
import cn.baomi.server.support.TestIdNumbers;

/**
 * A uniquely named secrecy bureau with a unit below it and a sibling unit. The unit has two departments (机要科,
 * 办公室); as signed-in users linked to persons: two secrecy officers and a leader (no department), the heads of both
 * departments, the subject (staff of 机要科, no clearance yet), a colleague in 机要科, and a temporary hire; the
 * bureau's secrecy officer and supervisor; the sibling unit's secrecy officer.
 */
@Component
final class PersonnelFixtures {

    private static final AtomicLong serial = new AtomicLong(System.nanoTime() % 400_000);

    record Org(long bureau, long unit, long sibling, long registry, long office, CurrentUser officer,
               CurrentUser secondOfficer, CurrentUser leader, CurrentUser registryHead, CurrentUser officeHead,
               CurrentUser subject, CurrentUser colleague, long temporary, CurrentUser bureauOfficer,
               CurrentUser supervisor, CurrentUser siblingOfficer) {

        long subjectId() {
            return subject.personId();
        }
    }

    private final OrganizationSetup organization;
    private final FileRecords records;
    private final LevelService levels;
    private final ApprovalService approvals;
    private final JdbcClient jdbc;

    PersonnelFixtures(OrganizationSetup organization, FileRecords records, LevelService levels,
                      ApprovalService approvals, JdbcClient jdbc) {
        this.organization = organization;
        this.records = records;
        this.levels = levels;
        this.approvals = approvals;
        this.jdbc = jdbc;
    }

    Org org() {
        try {
            long bureau = unit(null, "市保密局", true);
            long unit = unit(bureau, "市档案馆", false);
            long sibling = unit(bureau, "市审计局", false);
            TestUsers.signIn(TestUsers.user(unit, null, Role.SECRECY_OFFICER));
            long registry = organization.createDepartment(unit, "机要科");
            long office = organization.createDepartment(unit, "办公室");
            return new Org(bureau, unit, sibling, registry, office,
                    user(unit, null, "钱保密", Role.SECRECY_OFFICER, ClearanceLevel.CORE),
                    user(unit, null, "孙保密", Role.SECRECY_OFFICER, ClearanceLevel.CORE),
                    user(unit, null, "周馆长", Role.UNIT_LEADER, ClearanceLevel.CORE),
                    user(unit, registry, "王科长", Role.DEPARTMENT_HEAD, ClearanceLevel.IMPORTANT),
                    user(unit, office, "李主任", Role.DEPARTMENT_HEAD, ClearanceLevel.IMPORTANT),
                    user(unit, registry, "张机要", Role.STAFF, ClearanceLevel.NONE),
                    user(unit, registry, "赵同事", Role.STAFF, ClearanceLevel.GENERAL),
                    person(unit, registry, "吴临聘", EmploymentType.TEMPORARY, ClearanceLevel.NONE),
                    user(bureau, null, "郑局保密", Role.SECRECY_OFFICER, ClearanceLevel.CORE),
                    user(bureau, null, "冯督查", Role.SUPERVISOR, ClearanceLevel.IMPORTANT),
                    user(sibling, null, "陈审保密", Role.SECRECY_OFFICER, ClearanceLevel.CORE));
        } finally {
            TestUsers.signOut();
        }
    }

    private long unit(Long parent, String name, boolean supervising) {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        String code = "P" + serial.incrementAndGet();
        return organization.createUnit(parent, code, name + code, supervising);
    }

    CurrentUser user(long unitId, Long departmentId, String name, Role role, ClearanceLevel clearance) {
        long person = person(unitId, departmentId, name, EmploymentType.REGULAR, clearance);
        return TestUsers.user(unitId, person, role);
    }

    long person(long unitId, Long departmentId, String name, EmploymentType type, ClearanceLevel clearance) {
        TestUsers.signIn(TestUsers.user(unitId, null, Role.SECRECY_OFFICER));
        try {
            return organization.registerPerson(new OrganizationSetup.NewPerson(name, TestIdNumbers.next(), unitId, departmentId,
                    null, type, clearance));
        } finally {
            TestUsers.signOut();
        }
    }

    /** Review passed, pre-post training with its test passed and the pre-post commitment, recorded by the officer. */
    void readyForPost(Org org, long personId) {
        as(org.officer(), () -> {
            records.recordReview(personId, review("PRE_POST", LocalDate.now().minusDays(10), ReviewOutcome.PASSED));
            records.recordTraining(personId, training("PRE_POST", LocalDate.now().minusDays(5), true));
            records.recordCommitment(personId, commitment("PRE_POST", LocalDate.now().minusDays(1)));
        });
    }

    /** Asks for the level as the officer; returns the change id. */
    long request(Org org, long personId, ClearanceLevel level, String exception) {
        LevelForm form = new LevelForm();
        form.setToLevel(level);
        form.setReason("岗位需要");
        form.setExceptionReason(exception);
        long[] id = new long[1];
        as(org.officer(), () -> id[0] = levels.request(personId, form));
        return id[0];
    }

    /** Approves every step of the change's approval: the second officer, then the leader when a step asks for one. */
    void approve(Org org, long changeId) {
        long approval = approvalOf(changeId);
        as(org.secondOfficer(), () -> approvals.approve(approval, null));
        if ("PENDING".equals(state(changeId))) {
            as(org.leader(), () -> approvals.approve(approval, "同意"));
        }
    }

    /** A person made ready and granted the level. */
    void cleared(Org org, long personId, ClearanceLevel level) {
        readyForPost(org, personId);
        approve(org, request(org, personId, level, null));
    }

    long approvalOf(long changeId) {
        return jdbc.sql("select approval_id from personnel_levels where id = ?").param(changeId).query(Long.class).single();
    }

    String state(long changeId) {
        return jdbc.sql("select state from personnel_levels where id = ?").param(changeId).query(String.class).single();
    }

    String clearance(long personId) {
        return jdbc.sql("select clearance from persons where id = ?").param(personId).query(String.class).single();
    }

    static RecordForm review(String kind, LocalDate on, ReviewOutcome outcome) {
        RecordForm form = new RecordForm();
        form.setKind(kind);
        form.setDate(on);
        form.setReviewer("组织人事处 刘审查");
        form.setOutcome(outcome);
        return form;
    }

    static RecordForm training(String kind, LocalDate on, Boolean passed) {
        RecordForm form = new RecordForm();
        form.setKind(kind);
        form.setDate(on);
        form.setTopic("保密法律法规与岗位职责");
        form.setHours(new BigDecimal("4"));
        form.setTestPassed(passed);
        return form;
    }

    static RecordForm commitment(String kind, LocalDate on) {
        RecordForm form = new RecordForm();
        form.setKind(kind);
        form.setDate(on);
        return form;
    }

    static void as(CurrentUser user, Runnable action) {
        TestUsers.runAs(user, action);
    }

}
