package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Excerpts and compilations into a new carrier, with approval (domain.md §2 marking, §4 rule 5). */
@BaomiTest
class CompilationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    ApprovalService approvalService;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    CopyApi api;
    Approvers approvers;
    CurrentUser custodian;

    @BeforeEach
    void anOrganisation() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        approvers = new Approvers(approvalService, jdbc, org);
        custodian = org.as(org.custodian(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void compilationTakesHighestLevelAndLongestDuration() throws Exception {
        LocalDate today = LocalDate.now();
        Carrier secret5 = carrier(SecretLevel.SECRET, new SecrecyDuration(SecrecyDuration.Kind.YEARS, 5, null, null));
        Carrier confidentialDefault = carrier(SecretLevel.CONFIDENTIAL,
                new SecrecyDuration(SecrecyDuration.Kind.DEFAULT, null, null, null));
        Carrier topSecret6Months = carrier(SecretLevel.TOP_SECRET,
                new SecrecyDuration(SecrecyDuration.Kind.MONTHS, 6, null, null));
        List<Carrier> sources = List.of(secret5, confidentialDefault, topSecret6Months);
        assertThat(CompilationRule.level(sources)).isEqualTo(SecretLevel.TOP_SECRET);
        assertThat(CompilationRule.duration(sources, today))
                .isEqualTo(new SecrecyDuration(SecrecyDuration.Kind.YEARS, 10, null, null));
        Carrier longTerm = carrier(SecretLevel.CONFIDENTIAL, new SecrecyDuration(SecrecyDuration.Kind.LONG_TERM, null, null, null));
        assertThat(CompilationRule.duration(List.of(secret5, longTerm), today).kind()).isEqualTo(SecrecyDuration.Kind.LONG_TERM);
        Carrier until = carrier(SecretLevel.SECRET, new SecrecyDuration(SecrecyDuration.Kind.UNTIL_DATE, null, today.plusYears(8), null));
        assertThat(CompilationRule.duration(List.of(secret5, until), today).until()).isEqualTo(today.plusYears(8));

        long a = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        long b = registered(SecretLevel.TOP_SECRET, SecrecyDuration.Kind.MONTHS, 6);
        long c = registered(SecretLevel.CONFIDENTIAL, SecrecyDuration.Kind.YEARS, 9);
        long made = compileAndApprove(a, List.of(b, c));
        Map<String, Object> row = jdbc.sql("select secret_level, duration_kind, duration_amount from carriers where id = ?")
                .param(made).query().singleRow();
        assertThat(row.get("secret_level")).isEqualTo("TOP_SECRET");
        assertThat(row.get("duration_kind")).isEqualTo("YEARS");
        assertThat(((Number) row.get("duration_amount")).intValue()).isEqualTo(9);
    }

    @Test
    void anExcerptInheritsLevelDurationAndScopeAndCarriesTheStamp() throws Exception {
        long source = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        long sourceCopy = CarrierFixtures.copyIds(jdbc, source).get(0);
        api.post(custodian, source, sourceCopy, "COMPILATION_REQUESTED", Map.of("compilationKind", "EXCERPT",
                "title", "摘抄：要点", "count", 2, "note", "起草讲话稿")).andExpect(status().isCreated());
        long request = lastRequest();
        assertThat(requestState(request)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from carriers where title = '摘抄：要点' and unit_id = ?").param(org.unit())
                .query(Long.class).single()).isZero();
        approvers.approveAll(approval(request));

        long made = result(request);
        Map<String, Object> row = jdbc.sql("select secret_level, duration_kind, duration_amount, copy_count from carriers where id = ?")
                .param(made).query().singleRow();
        assertThat(row.get("secret_level")).isEqualTo("SECRET");
        assertThat(((Number) row.get("duration_amount")).intValue()).isEqualTo(5);
        assertThat(((Number) row.get("copy_count")).intValue()).isEqualTo(2);
        assertThat(scope(made)).isEqualTo(scope(source));
        List<Long> copies = CarrierFixtures.copyIds(jdbc, made);
        assertThat(copies).hasSize(2);
        for (long copy : copies) {
            Map<String, Object> c = jdbc.sql("select source_copy_id, copy_stamp, custodian_id, status from carrier_copies where id = ?")
                    .param(copy).query().singleRow();
            assertThat(((Number) c.get("source_copy_id")).longValue()).isEqualTo(sourceCopy);
            assertThat((String) c.get("copy_stamp")).startsWith("市发展改革委 摘抄 " + LocalDate.now());
            assertThat(((Number) c.get("custodian_id")).longValue()).isEqualTo(org.custodian());
            assertThat(api.events(copy, EventType.COMPILED)).isEqualTo(1);
        }
        mvc.perform(get("/carriers/" + source).with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(containsString("摘抄：要点")));
        mvc.perform(get("/api/carriers/" + source + "/compilation-requests").with(as(custodian))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("GRANTED"))
                .andExpect(jsonPath("$[0].resultCarrierId").value(made));
        mvc.perform(get("/api/carriers/" + source + "/compilation-requests")
                .with(as(org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF)))).andExpect(status().isNotFound());
    }

    @Test
    void aCompilationsScopeIsWhatEverySourceNames() throws Exception {
        long a = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("甲"), List.of(
                new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department()),
                new CarrierScopes.Entry(ScopeKind.PERSON, org.outside().get(ClearanceLevel.CORE))), 1);
        long b = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("乙"), List.of(
                new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        long made = compileAndApprove(a, List.of(b));
        assertThat(scope(made)).containsExactly(Map.of("kind", "DEPARTMENT", "ref_id", org.department()));
        assertThat(jdbc.sql("select count(*) from copy_sources where copy_id = ?")
                .param(CarrierFixtures.copyIds(jdbc, made).get(0)).query(Long.class).single()).isEqualTo(2);

        long c = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("丙"), List.of(
                new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 1);
        compile(a, List.of(c)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("sourceCopyIds"));
    }

    @Test
    void aRefusedCompilationMakesNothing() throws Exception {
        long a = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        long b = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 3);
        compile(a, List.of(b)).andExpect(status().isCreated());
        long request = lastRequest();
        long before = jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class).single();
        approvers.reject(approval(request), "不同意汇编");
        assertThat(requestState(request)).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void noCompilationFromASourceLostAfterTheRequest() throws Exception {
        long a = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        long b = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 3);
        compile(a, List.of(b)).andExpect(status().isCreated());
        long request = lastRequest();
        long lost = CarrierFixtures.copyIds(jdbc, b).get(0);
        api.post(custodian, b, lost, "LOST_REPORTED", Map.of("note", "出差途中遗失")).andExpect(status().isCreated());
        long before = jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class).single();

        assertThatThrownBy(() -> approvers.approveAll(approval(request))).isInstanceOf(BusinessRuleViolation.class);
        assertThat(requestState(request)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aCompilationNeedsSourcesOfDifferentCarriers() throws Exception {
        long a = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        long aCopy = CarrierFixtures.copyIds(jdbc, a).get(0);
        api.post(custodian, a, aCopy, "COMPILATION_REQUESTED", Map.of("compilationKind", "COMPILATION",
                "title", "汇编", "note", "需要")).andExpect(status().isUnprocessableContent());
        long b = registered(SecretLevel.SECRET, SecrecyDuration.Kind.YEARS, 5);
        api.post(custodian, a, aCopy, "COMPILATION_REQUESTED", Map.of("compilationKind", "EXCERPT", "title", "摘抄",
                "note", "需要", "sourceLedgerNumbers", ledgerNumber(b))).andExpect(status().isUnprocessableContent());
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(outsider, a, aCopy, "COMPILATION_REQUESTED", Map.of("title", "摘抄", "note", "需要"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from compilation_sources where copy_id = ?").param(aCopy).query(Long.class)
                .single()).isZero();
    }

    private long compileAndApprove(long first, List<Long> others) throws Exception {
        compile(first, others).andExpect(status().isCreated());
        long request = lastRequest();
        approvers.approveAll(approval(request));
        assertThat(requestState(request)).isEqualTo("GRANTED");
        return result(request);
    }

    private org.springframework.test.web.servlet.ResultActions compile(long first, List<Long> others) throws Exception {
        String numbers = String.join(",", others.stream().map(this::ledgerNumber).toList());
        return api.post(custodian, first, CarrierFixtures.copyIds(jdbc, first).get(0), "COMPILATION_REQUESTED",
                Map.of("compilationKind", "COMPILATION", "title", CarrierFixtures.uniqueTitle("汇编"), "note", "年度汇编",
                        "sourceLedgerNumbers", numbers));
    }

    private String ledgerNumber(long carrier) {
        return jdbc.sql("select ledger_number from carrier_copies where carrier_id = ? order by copy_number limit 1")
                .param(carrier).query(String.class).single();
    }

    private long registered(SecretLevel level, SecrecyDuration.Kind kind, int amount) {
        CarrierForm form = CarrierFixtures.form(org, level, CarrierFixtures.uniqueTitle("来源"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        form.setDurationKind(kind);
        form.setDurationAmount(amount);
        TestUsers.signIn(org.officer());
        try {
            return carriers.register(form);
        } finally {
            TestUsers.signOut();
        }
    }

    private static Carrier carrier(SecretLevel level, SecrecyDuration duration) {
        return new Carrier(0, 0, CarrierType.PAPER, "t", null, level, duration, Origin.OWN_UNIT, null, 1, "x",
                Instant.now(), 0, null);
    }

    private long lastRequest() {
        return jdbc.sql("select max(id) from compilation_requests where unit_id = ?").param(org.unit()).query(Long.class).single();
    }

    private long approval(long request) {
        return jdbc.sql("select approval_id from compilation_requests where id = ?").param(request).query(Long.class).single();
    }

    private String requestState(long request) {
        return jdbc.sql("select state from compilation_requests where id = ?").param(request).query(String.class).single();
    }

    private long result(long request) {
        return jdbc.sql("select result_carrier_id from compilation_requests where id = ?").param(request)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> scope(long carrier) {
        return jdbc.sql("select kind, ref_id from carrier_scope where carrier_id = ? order by kind, ref_id")
                .param(carrier).query().listOfRows();
    }
}
