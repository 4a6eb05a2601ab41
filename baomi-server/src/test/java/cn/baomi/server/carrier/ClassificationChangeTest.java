package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Change and declassification only as a recorded decision; the carrier keeps its classification history (§2). */
@BaomiTest
class ClassificationChangeTest {

    static final String DECISION = "\"decidedBy\":\"主任张某\",\"basis\":\"发改定〔2026〕7号\"";

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Carriers carrierRows;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;

    /** 机密★20年 in two copies, scope the department. */
    @BeforeEach
    void aSecretCarrierInTwoCopies() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        CarrierForm form = CarrierFixtures.form(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("变更"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        form.setDurationKind(SecrecyDuration.Kind.YEARS);
        form.setDurationAmount(20);
        TestUsers.signIn(org.officer());
        carrier = carriers.register(form);
        TestUsers.signOut();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void levelDurationAndScopeChangeOnlyByARecordedChange() throws Exception {
        change(org.officer(), "RECLASSIFIED", "\"level\":\"CONFIDENTIAL\",\"durationKind\":\"YEARS\",\"durationAmount\":5,"
                + "\"scopeUnitIds\":[" + org.unit() + "]," + DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"")
                .andExpect(status().isCreated());
        Map<String, Object> row = carrierRow();
        assertThat(row.get("secret_level")).isEqualTo("CONFIDENTIAL");
        assertThat(((Number) row.get("duration_amount")).intValue()).isEqualTo(5);
        assertThat(((Number) row.get("version")).intValue()).isEqualTo(1);
        assertThat(jdbc.sql("select kind, ref_id from carrier_scope where carrier_id = ?").param(carrier).query().listOfRows())
                .containsExactly(Map.of("kind", "UNIT", "ref_id", org.unit()));
        Map<String, Object> change = jdbc.sql("select * from classification_changes where carrier_id = ?").param(carrier)
                .query().singleRow();
        assertThat(change.get("old_level")).isEqualTo("SECRET");
        assertThat(((Number) change.get("old_duration_amount")).intValue()).isEqualTo(20);
        assertThat(change.get("old_scope")).isEqualTo("DEPARTMENT:" + org.department());
        assertThat(change.get("new_scope")).isEqualTo("UNIT:" + org.unit());
        assertThat(change.get("decided_by")).isEqualTo("主任张某");
        for (long copy : CarrierFixtures.copyIds(jdbc, carrier)) {
            assertThat(api.events(copy, EventType.RECLASSIFIED)).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'CARRIER_RECLASSIFIED' and target_id = ?")
                .param(String.valueOf(carrier)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangeRecordsWhoDecidedWhenAndOnWhatBasis() throws Exception {
        change(org.officer(), "RECLASSIFIED", "\"level\":\"CONFIDENTIAL\",\"durationKind\":\"YEARS\",\"durationAmount\":5,"
                + "\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("decidedBy"));
        change(org.officer(), "RECLASSIFIED", "\"level\":\"CONFIDENTIAL\",\"durationKind\":\"YEARS\",\"durationAmount\":5,"
                + DECISION + ",\"decidedOn\":\"" + LocalDate.now().plusDays(1) + "\"")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("decidedOn"));
        change(org.officer(), "RECLASSIFIED", DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("level"));
        assertThat(carrierRow().get("secret_level")).isEqualTo("SECRET");
        assertThat(history()).isZero();
    }

    @Test
    void aLowerLevelKeepsItsDurationWithinTheLegalMaximum() throws Exception {
        change(org.officer(), "RECLASSIFIED", "\"level\":\"CONFIDENTIAL\"," + DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("durationAmount"));
        assertThat(carrierRow().get("secret_level")).isEqualTo("SECRET");
    }

    @Test
    void onlyTheSecrecyOfficeRecordsAChange() throws Exception {
        String body = "\"level\":\"CONFIDENTIAL\",\"durationKind\":\"DEFAULT\"," + DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"";
        change(org.as(org.custodian(), Role.STAFF), "RECLASSIFIED", body).andExpect(status().isForbidden());
        change(org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF), "DECLASSIFIED", body).andExpect(status().isNotFound());
        change(TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER), "RECLASSIFIED", body).andExpect(status().isNotFound());
        assertThat(history()).isZero();
    }

    @Test
    void aDeclassifiedCarrierShowsAsDeclassifiedAndTakesNoFurtherChange() throws Exception {
        change(org.officer(), "DECLASSIFIED", DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isCreated());
        assertThat(carrierRow().get("declassified_on").toString()).isEqualTo(LocalDate.now().toString());
        assertThat(carrierRow().get("secret_level")).isEqualTo("SECRET");
        change(org.officer(), "RECLASSIFIED", "\"level\":\"CONFIDENTIAL\",\"durationKind\":\"DEFAULT\"," + DECISION
                + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isUnprocessableContent());
        change(org.officer(), "DECLASSIFIED", DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"")
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/carriers").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已解密")));
        mvc.perform(get("/api/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.declassifiedOn").value(LocalDate.now().toString()));
    }

    @Test
    void carriersKeepTheHistoryOfTheirClassification() throws Exception {
        change(org.officer(), "RECLASSIFIED", "\"durationKind\":\"YEARS\",\"durationAmount\":10," + DECISION
                + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isCreated());
        change(org.officer(), "RECLASSIFIED", "\"level\":\"TOP_SECRET\"," + DECISION
                + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isCreated());
        mvc.perform(get("/api/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.classificationHistory.length()").value(2))
                .andExpect(jsonPath("$.classificationHistory[0].oldDuration.amount").value(20))
                .andExpect(jsonPath("$.classificationHistory[1].newLevel").value("TOP_SECRET"));
        mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("机密★20年")))
                .andExpect(content().string(containsString("绝密★10年")));
    }

    @Test
    void noClassificationEventOnClosedCopies() throws Exception {
        long first = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        long second = CarrierFixtures.copyIds(jdbc, carrier).get(1);
        api.setStatus(first, CopyStatus.DESTROYED);
        change(org.officer(), "DECLASSIFIED", DECISION + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isCreated());
        assertThat(api.events(first, EventType.DECLASSIFIED)).isZero();
        assertThat(api.events(second, EventType.DECLASSIFIED)).isEqualTo(1);
    }

    @Test
    void ofTwoSimultaneousChangesOnlyOneIsRecorded() throws Exception {
        Carrier stale = carrierRows.find(carrier).orElseThrow();
        change(org.officer(), "RECLASSIFIED", "\"durationKind\":\"YEARS\",\"durationAmount\":10," + DECISION
                + ",\"decidedOn\":\"" + LocalDate.now() + "\"").andExpect(status().isCreated());
        assertThat(carrierRows.reclassify(stale, SecretLevel.CONFIDENTIAL, stale.duration(), null)).isFalse();
        assertThat(carrierRow().get("secret_level")).isEqualTo("SECRET");
        assertThat(((Number) carrierRow().get("duration_amount")).intValue()).isEqualTo(10);
    }

    @Test
    void theDetailPageRecordsAChange() throws Exception {
        mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("登记解密")));
        mvc.perform(get("/carriers/" + carrier).with(as(org.as(org.custodian(), Role.STAFF)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("登记解密"))));
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(org.officer())).with(csrf())
                        .param("type", "RECLASSIFIED").param("durationKind", "YEARS").param("durationAmount", "8")
                        .param("scopeUnitIds", String.valueOf(org.unit()))
                        .param("decidedBy", "主任张某").param("decidedOn", LocalDate.now().toString()).param("basis", "7号"))
                .andExpect(status().is3xxRedirection());
        assertThat(((Number) carrierRow().get("duration_amount")).intValue()).isEqualTo(8);
        assertThat(jdbc.sql("select kind from carrier_scope where carrier_id = ?").param(carrier).query(String.class).list())
                .containsExactly("UNIT");
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(org.officer())).with(csrf())
                        .param("type", "DECLASSIFIED").param("decidedBy", "主任张某")
                        .param("decidedOn", LocalDate.now().toString()).param("basis", "8号"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已解密")))
                .andExpect(content().string(not(containsString("登记解密"))))
                .andExpect(content().string(containsString("机密★8年")));
    }

    private ResultActions change(CurrentUser user, String type, String fields) throws Exception {
        return mvc.perform(post("/api/carriers/" + carrier + "/events").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"" + type + "\"," + fields + "}"));
    }

    private Map<String, Object> carrierRow() {
        return jdbc.sql("select secret_level, duration_amount, version, declassified_on from carriers where id = ?")
                .param(carrier).query().singleRow();
    }

    private long history() {
        return jdbc.sql("select count(*) from classification_changes where carrier_id = ?").param(carrier)
                .query(Long.class).single();
    }
}
