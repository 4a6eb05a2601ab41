package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Registering carriers and safes (domain.md §4, rules 1, 2 and 6; §2 durations; §16 numbers). */
@BaomiTest
class CarrierRegistrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;

    @BeforeEach
    void organisation() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String body(SecretLevel level, String durationKind, String durationExtra, long custodian, String placeJson) {
        return """
                {"type":"PAPER","title":"%s","documentNumber":"发改〔2026〕1号","level":"%s","durationKind":"%s"%s,
                 "copies":3,"custodianId":%d,%s,"scopeDepartmentIds":[%d]}"""
                .formatted(CarrierFixtures.uniqueTitle("登记"), level, durationKind, durationExtra, custodian, placeJson,
                        org.department());
    }

    private org.springframework.test.web.servlet.ResultActions register(CurrentUser user, String json) throws Exception {
        return mvc.perform(post("/api/carriers").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void onlyTheSecrecyOfficeRegistersCarriers() throws Exception {
        String json = body(SecretLevel.SECRET, "YEARS", ",\"durationAmount\":5", org.custodian(), "\"place\":\"机要室\"");
        for (Role role : List.of(Role.STAFF, Role.DEPARTMENT_HEAD, Role.UNIT_LEADER, Role.CLASSIFICATION_AUTHORITY,
                Role.SUPERVISOR)) {
            CurrentUser user = org.as(org.inside().get(ClearanceLevel.CORE), role);
            register(user, json).andExpect(status().isForbidden());
            mvc.perform(get("/carriers/new").with(as(user))).andExpect(status().isForbidden());
        }
        register(org.officer(), json).andExpect(status().isCreated());
    }

    @Test
    void eachCopyIsItsOwnRecordWithCopyNumberAndAUnitUniqueLedgerNumber() throws Exception {
        String json = body(SecretLevel.SECRET, "YEARS", ",\"durationAmount\":5", org.custodian(), "\"place\":\"机要室\"");
        String location = register(org.officer(), json).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        register(org.officer(), json).andExpect(status().isCreated());
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/api/carriers/" + id).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.copies.length()").value(3))
                .andExpect(jsonPath("$.copies[0].copyNumber").value(1))
                .andExpect(jsonPath("$.copies[2].copyNumber").value(3))
                .andExpect(jsonPath("$.copies[0].custodianId").value(org.custodian()));
        List<String> numbers = jdbc.sql("select ledger_number from carrier_copies where unit_id = ? order by id")
                .param(org.unit()).query(String.class).list();
        assertThat(numbers).hasSize(6).doesNotHaveDuplicates();
        String year = String.valueOf(Year.now().getValue());
        assertThat(numbers).allMatch(n -> n.matches(".+-" + year + "-JIM-\\d{5}"));
        assertThat(numbers.get(0)).endsWith("-00001");
        assertThat(numbers.get(5)).endsWith("-00006");
    }

    @Test
    void aDurationOverTheLegalMaximumIsRefusedWithAFieldError() throws Exception {
        register(org.officer(), body(SecretLevel.CONFIDENTIAL, "YEARS", ",\"durationAmount\":11", org.custodian(),
                "\"place\":\"机要室\"")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("durationAmount"));
        register(org.officer(), body(SecretLevel.SECRET, "MONTHS", ",\"durationAmount\":241", org.custodian(),
                "\"place\":\"机要室\"")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("durationAmount"));
        String tooLate = LocalDate.now().plusYears(31).toString();
        register(org.officer(), body(SecretLevel.TOP_SECRET, "UNTIL_DATE", ",\"durationUntil\":\"" + tooLate + "\"",
                org.custodian(), "\"place\":\"机要室\"")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("durationUntil"));
        register(org.officer(), body(SecretLevel.CONFIDENTIAL, "YEARS", ",\"durationAmount\":10", org.custodian(),
                "\"place\":\"机要室\"")).andExpect(status().isCreated());
        register(org.officer(), body(SecretLevel.TOP_SECRET, "LONG_TERM", "", org.custodian(), "\"place\":\"机要室\""))
                .andExpect(status().isCreated());
    }

    @Test
    void theLevelAloneMeansTheLegalMaximum() throws Exception {
        long id = fixtures.carrier(org, SecretLevel.TOP_SECRET, CarrierFixtures.uniqueTitle("仅标密级"));
        mvc.perform(get("/api/carriers/" + id).with(as(org.officer())))
                .andExpect(jsonPath("$.duration.kind").value("DEFAULT")).andExpect(jsonPath("$.durationYears").value(30));
        String page = mvc.perform(get("/carriers/" + id).with(as(org.officer()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("绝密").contains("30 年");
    }

    @Test
    void theCustodianMustBeClearedForTheLevelAndInsideTheScope() throws Exception {
        register(org.officer(), body(SecretLevel.SECRET, "DEFAULT", "", org.inside().get(ClearanceLevel.GENERAL),
                "\"place\":\"机要室\"")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("custodianId"))
                .andExpect(jsonPath("$.detail").value("该人员的涉密等级不足以接触此密级的载体"));
        register(org.officer(), body(SecretLevel.SECRET, "DEFAULT", "", org.outside().get(ClearanceLevel.CORE),
                "\"place\":\"机要室\"")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("custodianId"))
                .andExpect(jsonPath("$.detail").value("该人员不在此载体的知悉范围内"));
        assertThat(jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCopyIsKeptInASafeOfItsOwnUnitOrANamedPlace() throws Exception {
        TestUsers.signIn(TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER));
        long foreignSafe = new SafeFixture(jdbc).safe(org.sibling(), org.siblingPerson());
        TestUsers.signIn(org.officer());
        long ownSafe = new SafeFixture(jdbc).safe(org.unit(), org.custodian());
        TestUsers.signOut();
        register(org.officer(), body(SecretLevel.SECRET, "DEFAULT", "", org.custodian(), "\"safeId\":" + foreignSafe))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("safeId"));
        register(org.officer(), body(SecretLevel.SECRET, "DEFAULT", "", org.custodian(), "\"place\":\" \""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("place"));
        register(org.officer(), body(SecretLevel.SECRET, "DEFAULT", "", org.custodian(), "\"safeId\":" + ownSafe))
                .andExpect(status().isCreated());
    }

    @Test
    void everyRegistrationAndEveryDetailViewIsAudited() throws Exception {
        long id = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("审计"));
        assertThat(audited("CARRIER_REGISTERED", id)).isEqualTo(1);
        mvc.perform(get("/api/carriers/" + id).with(as(org.officer()))).andExpect(status().isOk());
        mvc.perform(get("/carriers/" + id).with(as(org.officer()))).andExpect(status().isOk());
        mvc.perform(get("/api/carriers/" + id + "/events").with(as(org.officer()))).andExpect(status().isOk());
        assertThat(audited("CARRIER_VIEWED", id)).isEqualTo(3);
        String title = jdbc.sql("select title from carriers where id = ?").param(id).query(String.class).single();
        assertThat(jdbc.sql("select count(*) from audit_events where detail like ?").param("%" + title + "%")
                .query(Long.class).single()).as("titles never go to the audit trail").isZero();
    }

    @Test
    void levelDurationAndScopeAreNeverEditedInPlace() throws Exception {
        long id = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("不可改"));
        String json = "{\"level\":\"CONFIDENTIAL\"}";
        mvc.perform(put("/api/carriers/" + id).with(as(org.officer())).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(patch("/api/carriers/" + id).with(as(org.officer())).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/carriers/" + id).with(as(org.officer()))).andExpect(jsonPath("$.level").value("SECRET"));
    }

    @Test
    void theRegisterPageShowsFieldErrorsAndRegisters() throws Exception {
        mvc.perform(get("/carriers/new").with(as(org.officer()))).andExpect(status().isOk());
        String page = mvc.perform(post("/carriers").with(as(org.officer())).with(csrf())
                        .param("unitId", String.valueOf(org.unit())).param("type", "PAPER").param("title", "页面登记")
                        .param("level", "CONFIDENTIAL").param("durationKind", "YEARS").param("durationAmount", "12")
                        .param("copies", "2").param("custodianId", String.valueOf(org.custodian()))
                        .param("place", "机要室").param("scopeUnitIds", String.valueOf(org.unit())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("保密期限超过该密级的法定最长期限（10 年）");
        mvc.perform(post("/carriers").with(as(org.officer())).with(csrf())
                        .param("unitId", String.valueOf(org.unit())).param("type", "PAPER").param("title", "页面登记")
                        .param("level", "CONFIDENTIAL").param("durationKind", "YEARS").param("durationAmount", "5")
                        .param("copies", "2").param("custodianId", String.valueOf(org.custodian()))
                        .param("place", "机要室").param("scopeUnitIds", String.valueOf(org.unit())))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location",
                        startsWith("/carriers/")));
    }

    /**
     * An empty or half-filled form names every missing field at once, in the user's words: the required fields, the
     * scope and the sending unit together, and the number of copies with its range; nothing is registered.
     */
    @Test
    void anIncompleteRegisterFormNamesEveryMissingFieldAtOnce() throws Exception {
        long before = jdbc.sql("select count(*) from carriers").query(Long.class).single();
        String page = mvc.perform(post("/carriers").with(as(org.officer())).with(csrf())
                        .param("unitId", String.valueOf(org.unit())).param("origin", "RECEIVED").param("copies", "0")
                        .param("title", "长".repeat(201)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("必填").contains("不能超过 200 个字符").contains("份数须为 1 至 100 份")
                .contains(message("carrier.scope.required")).contains(message("carrier.origin.nameRequired"))
                .doesNotContain("不能为null").doesNotContain("不能为空").doesNotContain("个数必须在")
                .doesNotContain("最小不能小于");
        assertThat(jdbc.sql("select count(*) from carriers").query(Long.class).single()).isEqualTo(before);
    }

    private String message(String key) {
        return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void onlyTheSecrecyOfficeKeepsTheRegisterOfSafes() throws Exception {
        mvc.perform(post("/safes").with(as(org.officer())).with(csrf()).param("number", "BMG-01")
                .param("place", "机要室").param("responsiblePersonId", String.valueOf(org.custodian())))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/safes").with(as(org.officer()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("BMG-01");
        assertThat(mvc.perform(get("/safes").with(as(TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER))))
                .andReturn().getResponse().getContentAsString()).doesNotContain("BMG-01");
        CurrentUser staff = org.as(org.custodian(), Role.STAFF);
        mvc.perform(get("/safes").with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/safes").with(as(staff)).with(csrf()).param("number", "BMG-02").param("place", "x")
                .param("responsiblePersonId", String.valueOf(org.custodian()))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'SAFE_REGISTERED'").query(Long.class).single())
                .isPositive();
    }

    private long audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(id)).query(Long.class).single();
    }
}
