package cn.baomi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.baomi.server.support.BaomiTest;

@BaomiTest
@TestPropertySource(properties = "baomi.demo=true")
class DemoLoaderTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoLoader loader;

    private long countyId() {
        return jdbc.sql("select id from units where name = ?").param(DemoLoader.COUNTY).query(Long.class).single();
    }

    @Test
    void demoCountyBureauHasFiveDepartmentsAndFortyPeopleOfEveryKind() {
        long county = countyId();
        assertThat(jdbc.sql("select count(*) from departments where unit_id = ?").param(county).query(Long.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from persons where unit_id = ?").param(county).query(Long.class).single())
                .isEqualTo(40);
        assertThat(jdbc.sql("select distinct employment_type from persons where unit_id = ?").param(county)
                .query(String.class).list())
                .containsExactlyInAnyOrder("REGULAR", "TEMPORARY", "SECONDED", "TRAINEE", "OUTSOURCED", "SERVICE");
        assertThat(jdbc.sql("select distinct clearance from persons where unit_id = ?").param(county)
                .query(String.class).list())
                .containsExactlyInAnyOrder("NONE", "GENERAL", "IMPORTANT", "CORE");
    }

    @Test
    void demoTemporarySecondedAndTraineeStaffHoldNoClearance() {
        assertThat(jdbc.sql("select count(*) from persons where employment_type in ('TEMPORARY','SECONDED','TRAINEE') "
                + "and clearance <> 'NONE'").query(Long.class).single()).isZero();
    }

    @Test
    void demoHasALoginForEveryRoleLinkedToItsPerson() {
        List<String> roles = jdbc.sql("select distinct r.role from account_roles r join accounts a on a.id = r.account_id "
                + "where a.must_change_password = false").query(String.class).list();
        assertThat(roles).contains("SYSTEM_ADMIN", "SECURITY_ADMIN", "SECURITY_AUDITOR", "SECRECY_OFFICER",
                "CLASSIFICATION_AUTHORITY", "DEPARTMENT_HEAD", "UNIT_LEADER", "STAFF", "SUPERVISOR");
        assertThat(jdbc.sql("select count(*) from accounts a join persons p on p.id = a.person_id "
                + "where a.username in ('baomiban','dingmi','bumen','lingdao','keyuan','jianguan') and a.unit_id = p.unit_id")
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void demoHasCarriersAndAnOpenInventoryWithTasksForTheirCustodians() {
        long county = countyId();
        assertThat(jdbc.sql("select count(*) from carrier_copies where unit_id = ?").param(county).query(Long.class)
                .single()).as("six in the inventory, one more held by a clerk leaving the post").isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from inventory_items it join inventories v on v.id = it.inventory_id "
                + "where v.unit_id = ? and v.state = 'OPEN'").param(county).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(distinct it.custodian_id) from inventory_items it join persons p "
                + "on p.id = it.custodian_id join accounts a on a.person_id = p.id where a.username in ('baomiban', 'keyuan')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void demoIsLoadedOnlyOnceAndRecordedInTheAuditTrail() {
        long persons = jdbc.sql("select count(*) from persons").query(Long.class).single();
        loader.loadDemoUnit();
        assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isEqualTo(persons);
        assertThat(jdbc.sql("select count(*) from audit_events where actor = 'demo' and action = 'PERSON_CREATED'")
                .query(Long.class).single()).isEqualTo(persons);
    }

    @Test
    void demoHasSecrecyFilesWithAnApprovedLevelAndAnOverdueReReview() {
        long county = countyId();
        assertThat(jdbc.sql("select count(*) from personnel_levels l join persons p on p.id = l.person_id "
                + "where p.unit_id = ? and l.state = 'GRANTED' and p.clearance = l.to_level and l.to_level <> 'NONE'")
                .param(county).query(Long.class).single()).as("the clerk's; the level ended by an exit is no grant")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct r.person_id) from personnel_reviews r join persons p on p.id = r.person_id "
                + "where p.unit_id = ?").param(county).query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from personnel_commitments c join persons p on p.id = c.person_id "
                + "where p.unit_id = ? and c.kind = 'PRE_POST'").param(county).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void demoHasTripsPendingApprovedWithThePassportOutAndBack() {
        long county = countyId();
        assertThat(jdbc.sql("select state from personnel_travels where unit_id = ? order by id").param(county)
                .query(String.class).list()).containsExactly("PENDING", "APPROVED", "APPROVED");
        assertThat(jdbc.sql("select count(*) from approvals a "
                + "join approval_steps s on s.approval_id = a.id and s.step_no = a.current_step "
                + "where a.kind = 'personnel.travel' and a.state = 'PENDING' and s.role = 'DEPARTMENT_HEAD'")
                .query(Long.class).single()).as("keyuan's trip waits for the head of the department (bumen)").isEqualTo(1);
        assertThat(jdbc.sql("select status from travel_documents where unit_id = ? order by id").param(county)
                .query(String.class).list()).containsExactly("ISSUED", "KEPT");
        assertThat(jdbc.sql("select count(*) from travel_document_loans l join travel_documents d on d.id = l.document_id "
                + "where d.unit_id = ? and l.returned_on is not null and l.travel_id is not null").param(county)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** keyuan's trip is keyuan's own request (in "我的申请"), and a demo login that decides signs with its own account. */
    @Test
    void demoLoginsActThroughTheirOwnAccounts() {
        assertThat(jdbc.sql("select ac.username from approvals a join accounts ac on ac.id = a.requester_account_id "
                + "where a.kind = 'personnel.travel' and a.state = 'PENDING'").query(String.class).list())
                .containsExactly("keyuan");
        assertThat(jdbc.sql("select a.requester_name from approvals a where a.kind = 'personnel.travel' "
                + "and a.state = 'PENDING'").query(String.class).single()).isNotEqualTo("演示数据");
        assertThat(jdbc.sql("select count(*) from approval_steps s join accounts ac on ac.id = s.decider_account_id "
                + "where ac.username = 'baomiban'").query(Long.class).single()).isPositive();
    }

    @Test
    void demoHasAnExitHeldUpByACopyAndAnotherInTheCoolOff() {
        long county = countyId();
        assertThat(jdbc.sql("select count(*) from personnel_exits e join carrier_copies c on c.custodian_id = e.person_id "
                + "where e.unit_id = ? and e.state = 'OPEN' and c.status = 'LIVE'").param(county).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from personnel_exits e join persons p on p.id = e.person_id "
                + "where e.unit_id = ? and e.state = 'COMPLETED' and e.cool_off_start < current_date "
                + "and e.cool_off_end > current_date and p.clearance = 'NONE'").param(county).query(Long.class).single())
                .isEqualTo(1);
    }
}
