package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Copying with approval (domain.md §4 rule 5): nothing is copied before the grant; a copy is the same carrier's copy. */
@BaomiTest
class CopyWithApprovalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    ApprovalService approvals;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    long carrier;
    long source;
    long requesterPerson;
    CurrentUser requester;

    /** A 机密★5年 carrier in one copy; its scope names the department and one person outside it, the requester. */
    @BeforeEach
    void aSecretCarrierInOneCopy() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        requesterPerson = org.outside().get(ClearanceLevel.CORE);
        requester = org.as(requesterPerson, Role.STAFF);
        CarrierForm form = CarrierFixtures.form(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("复制"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department()),
                        new CarrierScopes.Entry(ScopeKind.PERSON, requesterPerson)), 1);
        form.setDurationKind(SecrecyDuration.Kind.YEARS);
        form.setDurationAmount(5);
        TestUsers.signIn(org.officer());
        carrier = carriers.register(form);
        TestUsers.signOut();
        source = CarrierFixtures.copyIds(jdbc, carrier).get(0);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void copyKeepsLevelDurationAndScope() throws Exception {
        List<Map<String, Object>> scopeBefore = scope();
        requestCopies(requester, 2, "会议传达需要").andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"));
        approve(lastRequest());

        List<Long> all = CarrierFixtures.copyIds(jdbc, carrier);
        assertThat(all).hasSize(3);
        for (long copy : all.subList(1, 3)) {
            Map<String, Object> row = jdbc.sql("""
                    select c.secret_level, c.duration_kind, c.duration_amount, cp.carrier_id, cp.source_copy_id,
                           cp.custodian_id, cp.status, cp.place
                    from carrier_copies cp join carriers c on c.id = cp.carrier_id where cp.id = ?""")
                    .param(copy).query().singleRow();
            assertThat(row.get("secret_level")).isEqualTo("SECRET");
            assertThat(row.get("duration_kind")).isEqualTo("YEARS");
            assertThat(((Number) row.get("duration_amount")).intValue()).isEqualTo(5);
            assertThat(((Number) row.get("source_copy_id")).longValue()).isEqualTo(source);
            assertThat(((Number) row.get("custodian_id")).longValue()).isEqualTo(requesterPerson);
            assertThat(row.get("status")).isEqualTo("LIVE");
            assertThat(row.get("place")).isEqualTo("机要室");
        }
        assertThat(scope()).isEqualTo(scopeBefore);
        assertThat(jdbc.sql("select copy_count from carriers where id = ?").param(carrier).query(Integer.class).single())
                .isEqualTo(3);
        CurrentUser reader = org.as(org.inside().get(ClearanceLevel.IMPORTANT), Role.STAFF);
        mvc.perform(get("/api/carriers/" + carrier).with(as(reader))).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("SECRET"))
                .andExpect(jsonPath("$.copies.length()").value(3));
    }

    @Test
    void copiesAreCreatedOnlyWhenApproved() throws Exception {
        requestCopies(requester, 2, "会议传达需要").andExpect(status().isCreated());
        long request = lastRequest();
        assertThat(CarrierFixtures.copyIds(jdbc, carrier)).hasSize(1);
        assertThat(copiedEvents()).isZero();
        assertThat(state(request)).isEqualTo("PENDING");
        assertThat(audited("COPY_REQUESTED")).isEqualTo(1);

        approve(request);

        assertThat(CarrierFixtures.copyIds(jdbc, carrier)).hasSize(3);
        assertThat(copiedEvents()).isEqualTo(2);
        assertThat(state(request)).isEqualTo("GRANTED");
        mvc.perform(get("/api/carriers/" + carrier + "/copy-requests").with(as(requester))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("GRANTED"));
    }

    @Test
    void refusedCopyRequestCreatesNothing() throws Exception {
        requestCopies(requester, 2, "会议传达需要").andExpect(status().isCreated());
        long request = lastRequest();
        TestUsers.signIn(org.officer());
        approvals.reject(approvalOf(request), "无需复制，传阅即可");
        TestUsers.signOut();

        assertThat(CarrierFixtures.copyIds(jdbc, carrier)).hasSize(1);
        assertThat(copiedEvents()).isZero();
        assertThat(state(request)).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select opinion from copy_requests where id = ?").param(request).query(String.class).single())
                .isEqualTo("无需复制，传阅即可");
    }

    @Test
    void copyCarriesTheCopyStamp() throws Exception {
        requestCopies(requester, 1, "会议传达需要").andExpect(status().isCreated());
        approve(lastRequest());

        long copy = CarrierFixtures.copyIds(jdbc, carrier).get(1);
        String expected = "市发展改革委 复制 " + LocalDate.now() + " 第2份";
        assertThat(jdbc.sql("select copy_stamp from carrier_copies where id = ?").param(copy).query(String.class).single())
                .isEqualTo(expected);
        assertThat(jdbc.sql("select note from copy_events where copy_id = ? and event_type = 'COPIED'").param(copy)
                .query(String.class).single()).isEqualTo(expected);
    }

    @Test
    void aPersonOutsideTheScopeCannotRequestCopies() throws Exception {
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.IMPORTANT), Role.STAFF);
        requestCopies(outsider, 1, "想看看").andExpect(status().isNotFound());
        mvc.perform(get("/api/carriers/" + carrier + "/copy-requests").with(as(outsider)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCopyRequestNeedsACountAndAReason() throws Exception {
        requestCopies(requester, 0, "会议传达需要").andExpect(status().isUnprocessableContent());
        requestCopies(requester, 1, " ").andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDetailPageOffersTheCopyRequestAndShowsItsState() throws Exception {
        mvc.perform(get("/carriers/" + carrier).with(as(requester))).andExpect(status().isOk())
                .andExpect(content().string(containsString("申请复制")));
        mvc.perform(post("/carriers/" + carrier + "/copy-requests").with(as(requester)).with(csrf())
                        .param("count", "1").param("reason", "会议传达需要"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/carriers/" + carrier).with(as(requester))).andExpect(status().isOk())
                .andExpect(content().string(containsString("审批中")));
        approve(lastRequest());
        mvc.perform(get("/carriers/" + carrier).with(as(requester))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已批准，已复制")))
                .andExpect(content().string(containsString("市发展改革委 复制 " + LocalDate.now() + " 第2份")));
    }

    /** The form comes back with the reason it was refused; it is kept in the session, so it must be serialisable. */
    @Test
    void aRefusedCopyRequestFormComesBackWithItsReason() throws Exception {
        var refused = mvc.perform(post("/carriers/" + carrier + "/copy-requests").with(as(requester)).with(csrf())
                        .param("count", "1").param("reason", "   "))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/carriers/" + carrier).with(as(requester)).cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写复制理由")));
        assertThat(jdbc.sql("select count(*) from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single()).isZero();
    }

    private ResultActions requestCopies(CurrentUser user, int count, String reason) throws Exception {
        return mvc.perform(post("/api/carriers/" + carrier + "/copy-requests").with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\":" + count + ",\"reason\":\"" + reason + "\"}"));
    }

    private void approve(long request) {
        TestUsers.signIn(org.officer());
        try {
            approvals.approve(approvalOf(request), null);
        } finally {
            TestUsers.signOut();
        }
    }

    private long lastRequest() {
        return jdbc.sql("select max(id) from copy_requests where carrier_id = ?").param(carrier).query(Long.class).single();
    }

    private long approvalOf(long request) {
        return jdbc.sql("select approval_id from copy_requests where id = ?").param(request).query(Long.class).single();
    }

    private String state(long request) {
        return jdbc.sql("select state from copy_requests where id = ?").param(request).query(String.class).single();
    }

    private long copiedEvents() {
        return jdbc.sql("""
                select count(*) from copy_events e join carrier_copies cp on cp.id = e.copy_id
                where cp.carrier_id = ? and e.event_type = 'COPIED'""").param(carrier).query(Long.class).single();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(carrier)).query(Long.class).single();
    }

    private List<Map<String, Object>> scope() {
        return jdbc.sql("select kind, ref_id from carrier_scope where carrier_id = ? order by kind, ref_id")
                .param(carrier).query().listOfRows();
    }
}
