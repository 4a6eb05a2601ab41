package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.organization.PersonsChanged;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * A need-to-know scope names persons, departments, positions or units (domain.md §2): a change of classification and
 * the Excel import name departments and positions too — only the active ones of the carrier's unit, with errors that
 * say which entry is wrong and what may be named instead, and nothing changed or imported then.
 */
@BaomiTest
class ScopeNamingTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long siblingDepartment;

    /** A 机密 carrier scoped to one person, and a department of the sibling unit. */
    @BeforeEach
    void aCarrierScopedToOnePerson() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("知悉范围"),
                List.of(new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian())), 1);
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            siblingDepartment = organization.createDepartment(org.sibling(), "预算处");
        } finally {
            TestUsers.signOut();
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aChangeOfClassificationNamesDepartmentsAndPositionsOfTheCarriersUnit() throws Exception {
        long clerk = fixtures.personIn(org, null, org.position(), ClearanceLevel.CORE);
        long officeWorker = fixtures.personIn(org, org.department(), null, ClearanceLevel.CORE);
        api.get(org.as(clerk, Role.STAFF), carrier).andExpect(status().isNotFound());
        change("\"scopeDepartmentIds\":[" + org.department() + "],\"scopePositionIds\":[" + org.position() + "]")
                .andExpect(status().isCreated());
        assertThat(scope()).containsExactlyInAnyOrder("DEPARTMENT:" + org.department(), "POSITION:" + org.position());
        api.get(org.as(clerk, Role.STAFF), carrier).andExpect(status().isOk());
        api.get(org.as(officeWorker, Role.STAFF), carrier).andExpect(status().isOk());
        mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("部门：办公室"), containsString("岗位：机要员"))));
    }

    @Test
    void aChangeNamingAnotherUnitsOrAnUnknownDepartmentOrPositionIsRefusedSayingWhatMayBeNamed() throws Exception {
        change("\"scopeDepartmentIds\":[" + siblingDepartment + "]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeDepartmentIds"))
                .andExpect(jsonPath("$.detail").value("知悉范围中的部门 “预算处” 不是市发展改革委的在用部门；可以指定的部门：办公室"));
        change("\"scopePositionIds\":[987654321]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopePositionIds"))
                .andExpect(jsonPath("$.detail").value("知悉范围中的岗位 #987654321 不是市发展改革委的在用岗位；可以指定的岗位：机要员"));
        assertThat(scope()).containsExactly("PERSON:" + org.custodian());
        assertThat(jdbc.sql("select count(*) from classification_changes where carrier_id = ?").param(carrier)
                .query(Long.class).single()).isZero();
    }

    @Test
    void registrationNamesOnlyDepartmentsOfTheCarriersUnit() throws Exception {
        String body = """
                {"type":"PAPER","title":"%s","level":"SECRET","durationKind":"DEFAULT","copies":1,"custodianId":%d,
                 "place":"机要室","scopeDepartmentIds":[%d]}""";
        mvc.perform(post("/api/carriers").with(as(org.officer())).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(CarrierFixtures.uniqueTitle("登记"), org.custodian(), siblingDepartment)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeDepartmentIds"));
        mvc.perform(post("/api/carriers").with(as(org.officer())).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(CarrierFixtures.uniqueTitle("登记"), org.custodian(), org.department())))
                .andExpect(status().isCreated());
    }

    @Test
    void aScopeNamesOnlyExistingActivePersonsAndUnits() throws Exception {
        long leaver = fixtures.personIn(org, org.department(), null, ClearanceLevel.CORE);
        jdbc.sql("update persons set active = false where id = ?").param(leaver).update();
        events.publishEvent(new PersonsChanged()); // written behind the organisation's repositories
        change("\"scopePersonIds\":[987654321]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopePersonIds"))
                .andExpect(jsonPath("$.detail").value("知悉范围中的人员 #987654321 不存在或已不在岗；只能指定在岗人员"));
        change("\"scopePersonIds\":[" + leaver + "]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopePersonIds"));
        change("\"scopeUnitIds\":[987654321]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeUnitIds"))
                .andExpect(jsonPath("$.detail").value("知悉范围中的单位 #987654321 不存在或已撤销；只能指定在用单位"));
        assertThat(scope()).containsExactly("PERSON:" + org.custodian());
        change("\"scopeUnitIds\":[" + org.sibling() + "],\"scopePersonIds\":[" + org.colleague() + "]")
                .andExpect(status().isCreated());
        assertThat(scope()).containsExactlyInAnyOrder("UNIT:" + org.sibling(), "PERSON:" + org.colleague());
    }

    @Test
    void theChangeAndRegistrationFormsOfferTheUnitsDepartmentsAndPositions() throws Exception {
        String detail = mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("name=\"scopeDepartmentIds\"").contains("name=\"scopePositionIds\"")
                .contains("<option value=\"" + org.department() + "\">办公室</option>")
                .contains("<option value=\"" + org.position() + "\">机要员</option>")
                .doesNotContain("预算处");
        mvc.perform(get("/carriers/new").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("知悉范围：部门"), containsString("机要员"))));
    }

    @Test
    void anImportNamesDepartmentsAndPositionsByName() throws Exception {
        String title = CarrierFixtures.uniqueTitle("导入部门");
        upload(List.of(Workbooks.row(title, "机密", "", "1", "管理员", "办公室、岗位：机要员、人员：同事")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(true));
        long imported = jdbc.sql("select id from carriers where title = ?").param(title).query(Long.class).single();
        assertThat(jdbc.sql("select concat(kind, ':', ref_id) from carrier_scope where carrier_id = ?").param(imported)
                .query(String.class).list()).containsExactlyInAnyOrder("DEPARTMENT:" + org.department(),
                "POSITION:" + org.position(), "PERSON:" + org.colleague());
    }

    @Test
    void anImportNamingAnUnknownOrAmbiguousScopeIsRefusedWhollyAndSaysWhatIsAllowed() throws Exception {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            organization.createPosition(org.unit(), "办公室");
        } finally {
            TestUsers.signOut();
        }
        String batch = CarrierFixtures.uniqueTitle("导入范围");
        String body = upload(List.of(Workbooks.row(batch + "-好", "机密", "", "1", "管理员", "本单位"),
                Workbooks.row(batch + "-1", "机密", "", "1", "管理员", "部门：预算处"),
                Workbooks.row(batch + "-2", "机密", "", "1", "管理员", "办公室"),
                Workbooks.row(batch + "-3", "机密", "", "1", "管理员", "不存在的名字")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).hasSize(3);
        assertThat(errors).allSatisfy(e -> assertThat(e.get("column")).isEqualTo("知悉范围"));
        assertThat(errors.get(0).get("message")).isEqualTo("本单位没有名为“预算处”的在用部门；可写的部门：办公室");
        assertThat(errors.get(1).get("message")).isEqualTo("“办公室”同时是部门、岗位的名称：请加前缀写明，例如“部门：办公室”");
        assertThat((String) errors.get(2).get("message")).startsWith("“不存在的名字”不是本单位的部门、岗位或人员")
                .contains("部门（办公室）").contains("岗位（").contains("机要员");
        assertThat((String) errors.get(2).get("allowed")).contains("部门：");
        assertThat(jdbc.sql("select count(*) from carriers where title like ?").param(batch + "%").query(Long.class)
                .single()).isZero();
    }

    private ResultActions change(String scopeJson) throws Exception {
        return mvc.perform(post("/api/carriers/" + carrier + "/events").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"RECLASSIFIED\",\"decidedBy\":\"主任张某\",\"decidedOn\":\"" + LocalDate.now()
                        + "\",\"basis\":\"发改密审〔2026〕2号\"," + scopeJson + "}"));
    }

    private List<String> scope() {
        return jdbc.sql("select concat(kind, ':', ref_id) from carrier_scope where carrier_id = ?").param(carrier)
                .query(String.class).list();
    }

    private ResultActions upload(List<List<String>> rows) throws Exception {
        return mvc.perform(multipart("/api/carriers/import")
                .file(new MockMultipartFile("file", "台账.xlsx", LedgerFilePages.XLSX, Workbooks.ledger(rows)))
                .with(as(org.officer())));
    }
}
