package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Repair of media (domain.md §4 rule 7), return to the issuing unit (rule 9) and archiving. */
@BaomiTest
class RepairReturnArchiveTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LifecycleService lifecycle;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    CopyApi api;
    CurrentUser custodian;

    @BeforeEach
    void anOrganisation() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        custodian = org.as(org.custodian(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void repairIsOnlyForMediaNotPaper() throws Exception {
        long paper = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("纸质"));
        long copy = CarrierFixtures.copyIds(jdbc, paper).get(0);
        api.post(custodian, paper, copy, "REPAIRED", Map.of("mode", "IN_HOUSE"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("mode"));
        assertThat(api.events(copy, EventType.REPAIRED)).isZero();
    }

    @Test
    void sentOutRepairRequiresStorageRemoved() throws Exception {
        long disk = medium();
        long copy = CarrierFixtures.copyIds(jdbc, disk).get(0);
        int version = version(copy);
        api.post(custodian, disk, copy, "REPAIRED", Map.of("mode", "SENT_OUT", "counterpart", "某维修中心"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("storageRemoved"));
        assertThat(api.events(copy, EventType.REPAIRED)).isZero();
        api.post(custodian, disk, copy, "REPAIRED",
                        Map.of("mode", "SENT_OUT", "counterpart", "某维修中心", "storageRemoved", "true"))
                .andExpect(status().isCreated());
        Map<String, Object> event = lastEvent(copy);
        assertThat(event.get("mode")).isEqualTo("SENT_OUT");
        assertThat((String) event.get("note")).contains("存储部件已拆除");
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
        assertThat(version(copy)).isEqualTo(version + 1);
        assertThat(api.audited("COPY_REPAIRED", copy)).isEqualTo(1);
    }

    @Test
    void repairByAnOutsiderNamesTheRepairer() throws Exception {
        long disk = medium();
        long copy = CarrierFixtures.copyIds(jdbc, disk).get(0);
        api.post(custodian, disk, copy, "REPAIRED", Map.of("mode", "SUPERVISED_OUTSIDER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("counterpart"));
        api.post(custodian, disk, copy, "REPAIRED", Map.of("mode", "SUPERVISED_OUTSIDER", "counterpart", "厂家工程师王某"))
                .andExpect(status().isCreated());
        api.post(custodian, disk, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isCreated());
        assertThat(api.events(copy, EventType.REPAIRED)).isEqualTo(2);
    }

    @Test
    void onlyTheCustodianOrTheSecrecyOfficeRecordsARepair() throws Exception {
        long disk = medium();
        long copy = CarrierFixtures.copyIds(jdbc, disk).get(0);
        CurrentUser reader = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(reader, disk, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isForbidden());
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(outsider, disk, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isNotFound());
        api.post(org.officer(), disk, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isCreated());
    }

    @Test
    void noEventOnReturnedCopy() throws Exception {
        long received = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("来文"));
        long copy = CarrierFixtures.copyIds(jdbc, received).get(0);
        api.post(custodian, received, copy, "RETURNED_TO_ISSUER", Map.of("counterpart", "省发展改革委"))
                .andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("RETURNED");
        assertThat(api.audited("COPY_RETURNED_TO_ISSUER", copy)).isEqualTo(1);
        long events = countEvents(copy);
        for (Map.Entry<String, Map<String, Object>> e : List.of(
                Map.entry("LENT", Map.<String, Object>of("personId", org.colleague(), "dueDate", LocalDate.now().plusDays(3).toString())),
                Map.entry("HANDOVER_REQUESTED", Map.<String, Object>of("personId", org.colleague())),
                Map.entry("ARCHIVED", Map.<String, Object>of("place", "档案室")),
                Map.entry("RETURNED_TO_ISSUER", Map.<String, Object>of("counterpart", "省发展改革委")),
                Map.entry("CARRY_OUT_REQUESTED", Map.<String, Object>of("counterpart", "北京", "dueDate",
                        LocalDate.now().plusDays(3).toString(), "note", "开会")),
                Map.entry("COMPILATION_REQUESTED", Map.<String, Object>of("title", "摘要", "note", "需要")))) {
            api.post(org.officer(), received, copy, e.getKey(), e.getValue())
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(countEvents(copy)).isEqualTo(events);
        assertThat(api.state(copy).get("status")).isEqualTo("RETURNED");
    }

    @Test
    void noLifecycleEventOnDestroyedCopy() throws Exception {
        long disk = medium();
        long copy = CarrierFixtures.copyIds(jdbc, disk).get(0);
        api.setStatus(copy, CopyStatus.DESTROYED);
        long events = countEvents(copy);
        for (Map.Entry<String, Map<String, Object>> e : List.of(
                Map.entry("REPAIRED", Map.<String, Object>of("mode", "IN_HOUSE")),
                Map.entry("ARCHIVED", Map.<String, Object>of("place", "档案室")),
                Map.entry("RETURNED_TO_ISSUER", Map.<String, Object>of("counterpart", "省发展改革委")),
                Map.entry("CARRIED_OUT", Map.<String, Object>of()),
                Map.entry("CARRIED_BACK", Map.<String, Object>of()))) {
            api.post(org.officer(), disk, copy, e.getKey(), e.getValue())
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].message").value("已销毁或已清退的载体不能再登记任何事项"));
        }
        assertThat(countEvents(copy)).isEqualTo(events);
    }

    @Test
    void aReturnNamesTheIssuingUnit() throws Exception {
        long own = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("自制"));
        long copy = CarrierFixtures.copyIds(jdbc, own).get(0);
        api.post(custodian, own, copy, "RETURNED_TO_ISSUER", Map.of())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("counterpart"));
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void anArchivedCopyTakesNoCustodyEvent() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("归档"));
        long copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        api.post(custodian, carrier, copy, "ARCHIVED", Map.of("place", "档案室 3 号柜", "personId", org.colleague()))
                .andExpect(status().isCreated());
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("ARCHIVED");
        assertThat(state.get("place")).isEqualTo("档案室 3 号柜");
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.colleague());
        CurrentUser archivist = org.as(org.colleague(), Role.STAFF);
        api.post(archivist, carrier, copy, "LENT", Map.of("personId", org.custodian(), "dueDate",
                LocalDate.now().plusDays(3).toString())).andExpect(status().isUnprocessableContent());
        api.post(archivist, carrier, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isUnprocessableContent());
        api.post(org.officer(), carrier, copy, "DECLASSIFIED", Map.of("decidedBy", "主任张某",
                "decidedOn", LocalDate.now().toString(), "basis", "发改密审〔2026〕1号")).andExpect(status().isCreated());
        assertThat(api.events(copy, EventType.DECLASSIFIED)).isEqualTo(1);
    }

    @Test
    void anArchivistMustBeAllowedToHoldTheCopy() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.TOP_SECRET, CarrierFixtures.uniqueTitle("绝密归档"));
        long copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        api.post(custodian, carrier, copy, "ARCHIVED", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void everyOpenCopyKeepsExactlyOneCustodianAndOnePlace() throws Exception {
        long disk = medium();
        long copy = CarrierFixtures.copyIds(jdbc, disk).get(0);
        api.post(custodian, disk, copy, "REPAIRED", Map.of("mode", "IN_HOUSE")).andExpect(status().isCreated());
        assertOneCustodianAndPlace(copy);
        api.post(custodian, disk, copy, "ARCHIVED", Map.of()).andExpect(status().isCreated());
        assertOneCustodianAndPlace(copy);
    }

    @Test
    void ofASimultaneousReturnAndArchiveExactlyOneSucceeds() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("并发"));
        long copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Boolean>> tasks = List.of(
                () -> attempt(custodian, start, () -> lifecycle.returnToIssuer(copy, "省发展改革委", null)),
                () -> attempt(org.officer(), start, () -> lifecycle.archive(copy, null, null, "档案室", null)));
        int succeeded = 0;
        try {
            List<Future<Boolean>> results = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Boolean> r : results) {
                succeeded += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(succeeded).isEqualTo(1);
        assertThat(api.state(copy).get("status")).isIn("RETURNED", "ARCHIVED");
        assertThat(((Number) api.state(copy).get("version")).intValue()).isEqualTo(1);
        assertThat(api.events(copy, EventType.RETURNED_TO_ISSUER) + api.events(copy, EventType.ARCHIVED)).isEqualTo(1);
    }

    private static boolean attempt(CurrentUser user, CountDownLatch start, Runnable change)
            throws InterruptedException {
        TestUsers.signIn(user);
        try {
            start.await();
            change.run();
            return true;
        } catch (BusinessRuleViolation e) {
            assertThat(e.messageKey()).isIn("carrier.copy.changedMeanwhile", "carrier.copy.wrongStatus",
                    "carrier.copy.closed");
            return false;
        } finally {
            TestUsers.signOut();
        }
    }

    private void assertOneCustodianAndPlace(long copy) {
        Map<String, Object> s = api.state(copy);
        assertThat(s.get("custodian_id")).isNotNull();
        assertThat(s.get("safe_id") == null ^ s.get("place") == null).isTrue();
    }

    private long medium() {
        CarrierForm form = CarrierFixtures.form(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("移动硬盘"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        form.setType(CarrierType.MAGNETIC);
        TestUsers.signIn(org.officer());
        try {
            return carriers.register(form);
        } finally {
            TestUsers.signOut();
        }
    }

    private int version(long copy) {
        return ((Number) api.state(copy).get("version")).intValue();
    }

    private long countEvents(long copy) {
        return jdbc.sql("select count(*) from copy_events where copy_id = ?").param(copy).query(Long.class).single();
    }

    private Map<String, Object> lastEvent(long copy) {
        return jdbc.sql("select * from copy_events where copy_id = ? order by id desc limit 1").param(copy)
                .query().singleRow();
    }
}
