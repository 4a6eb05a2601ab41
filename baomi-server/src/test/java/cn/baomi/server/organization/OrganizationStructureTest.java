package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Units, departments and positions: the tree's rules, unique codes and names, deactivation instead of deletion. */
@BaomiTest
class OrganizationStructureTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitService units;
    @Autowired
    PartService parts;
    @Autowired
    PersonService persons;
    @Autowired
    JdbcClient jdbc;

    OrganizationFixtures.Tree tree;
    CurrentUser admin = TestUsers.administrator(Role.SYSTEM_ADMIN);

    @BeforeEach
    void buildTree() {
        tree = new OrganizationFixtures(units, parts, persons).tree();
    }

    @Test
    void unknownParentUnitIsAFieldErrorInPageAndApi() throws Exception {
        long before = count("units");
        mvc.perform(post("/api/units").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(987_654_321L, OrganizationFixtures.uniqueCode(), "无上级")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("上级单位不存在或不在您的管理范围内。"));
        mvc.perform(post("/units").with(csrf()).with(as(admin)).param("parentId", "987654321")
                        .param("code", OrganizationFixtures.uniqueCode()).param("name", "无上级"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上级单位不存在或不在您的管理范围内。")))
                .andExpect(content().string(containsString("value=\"无上级\"")));
        assertThat(count("units")).isEqualTo(before);
    }

    @Test
    void aUnitOutsideTheOfficersScopeCannotBeAParent() throws Exception {
        mvc.perform(post("/api/units").with(as(officerOf(tree.unit()))).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.sibling(), OrganizationFixtures.uniqueCode(), "越权下级")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void secrecyOfficerCreatesChildUnitsButNoTopUnit() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        mvc.perform(post("/api/units").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.sub(), OrganizationFixtures.uniqueCode(), "下级科室单位")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parentId").value(tree.sub()));
        mvc.perform(post("/api/units").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(null, OrganizationFixtures.uniqueCode(), "顶级")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(get("/units/new").with(as(officer)))
                .andExpect(content().string(not(containsString("（无，顶级单位）"))));
        mvc.perform(get("/units/new").with(as(admin)))
                .andExpect(content().string(containsString("（无，顶级单位）")));
    }

    @Test
    void aUnitCannotBeItsOwnAncestor() throws Exception {
        mvc.perform(put("/api/units/{id}", tree.unit()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.sub(), OrganizationFixtures.uniqueCode(), "循环")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("不能把单位设到它自己或它的下级单位之下。"));
        mvc.perform(put("/api/units/{id}", tree.unit()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.unit(), OrganizationFixtures.uniqueCode(), "自己")))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select parent_id from units where id = ?").param(tree.unit()).query(Long.class).single())
                .isEqualTo(tree.bureau());
    }

    @Test
    void unitCodesAreUnique() throws Exception {
        String code = jdbc.sql("select code from units where id = ?").param(tree.sub()).query(String.class).single();
        long before = count("units");
        mvc.perform(post("/api/units").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.bureau(), code, "重复代码")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/units").with(csrf()).with(as(admin)).param("parentId", String.valueOf(tree.bureau()))
                        .param("code", code).param("name", "重复代码"))
                .andExpect(content().string(containsString("已存在")));
        assertThat(count("units")).isEqualTo(before);
    }

    @Test
    void overLongUnitNameIsAFieldError() throws Exception {
        mvc.perform(post("/api/units").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.bureau(), OrganizationFixtures.uniqueCode(), "单".repeat(101))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("不能超过 100 个字符"));
    }

    @Test
    void departmentNamesAreUniquePerUnit() throws Exception {
        long before = count("departments");
        mvc.perform(post("/api/departments").with(as(officerOf(tree.unit()))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + tree.unit() + ",\"name\":\"办公室\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("已存在")));
        mvc.perform(post("/departments").with(csrf()).with(as(officerOf(tree.unit())))
                        .param("unitId", String.valueOf(tree.unit())).param("name", "办公室"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已存在")));
        assertThat(count("departments")).isEqualTo(before);
        mvc.perform(post("/api/departments").with(as(officerOf(tree.sub()))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + tree.sub() + ",\"name\":\"办公室\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void deactivatedDepartmentCannotBeChosenForANewPerson() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        mvc.perform(post("/departments/{id}/deactivate", tree.unitDepartment()).with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection());
        String body = "{\"name\":\"新人\",\"idNumber\":\"" + OrganizationFixtures.newIdNumber() + "\",\"unitId\":"
                + tree.unit() + ",\"departmentId\":" + tree.unitDepartment()
                + ",\"employmentType\":\"REGULAR\",\"clearance\":\"NONE\"}";
        mvc.perform(post("/api/persons").with(as(officer)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"))
                .andExpect(jsonPath("$.errors[0].message").value("所选部门已停用，不能选用。"));
        mvc.perform(get("/api/persons/{id}", tree.regular()).with(as(officer)))
                .andExpect(jsonPath("$.departmentId").value(tree.unitDepartment()));
    }

    @Test
    void deactivatedRecordsAreKeptAndStayReadable() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        long rows = count("persons") + count("units") + count("departments");
        mvc.perform(post("/api/persons/{id}/deactivate", tree.regular()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(post("/units/{id}/deactivate", tree.sub()).with(csrf()).with(as(officer)))
                .andExpect(redirectedUrl("/units?includeInactive=true"));
        mvc.perform(post("/api/departments/{id}/deactivate", tree.subDepartment()).with(as(officer)))
                .andExpect(jsonPath("$.active").value(false));
        assertThat(count("persons") + count("units") + count("departments")).isEqualTo(rows);

        mvc.perform(get("/api/persons/{id}", tree.regular()).with(as(officer))).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/persons").param("unitId", String.valueOf(tree.unit())).param("active", "false")
                .with(as(officer))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/units").with(as(officer))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/units").param("includeInactive", "true").with(as(officer)))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/units").param("includeInactive", "true").with(as(officer)))
                .andExpect(content().string(containsString("市价格监测中心")));
        mvc.perform(post("/api/units").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(unitJson(tree.sub(), OrganizationFixtures.uniqueCode(), "停用单位之下")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("上级单位已停用，不能选用。"));
    }

    @Test
    void systemAdministratorManagesTheStructureEverywhere() throws Exception {
        mvc.perform(post("/api/positions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + tree.sibling() + ",\"name\":\"处长\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/positions").param("unitId", String.valueOf(tree.sibling())).with(as(admin)))
                .andExpect(content().string(containsString("处长")));
        mvc.perform(post("/units").with(csrf()).with(as(admin)).param("parentId", String.valueOf(tree.bureau()))
                        .param("code", OrganizationFixtures.uniqueCode()).param("name", "市审计局").param("supervising", "false"))
                .andExpect(redirectedUrl("/units"));
        mvc.perform(get("/units").param("q", "市审计局").with(as(admin)))
                .andExpect(content().string(containsString("市审计局")));
    }

    /**
     * The edit form keeps a unit where it is: a top unit stays top for an officer who may not make top units, a unit
     * below a parent outside the officer's scope keeps that parent, and neither the unit nor its subordinates are
     * offered as its parent.
     */
    @Test
    void anOfficerRenamesTheirOwnUnitThroughTheFormAndItStaysWhereItIs() throws Exception {
        CurrentUser unitOfficer = officerOf(tree.unit());
        String form = mvc.perform(get("/units/{id}/edit", tree.unit()).with(as(unitOfficer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"" + tree.bureau() + "\" selected=\"selected\"")
                .doesNotContain("<option value=\"" + tree.unit() + "\"").doesNotContain("<option value=\"" + tree.sub() + "\"")
                .doesNotContain("（无，顶级单位）");
        mvc.perform(post("/units/{id}", tree.unit()).with(csrf()).with(as(unitOfficer))
                        .param("parentId", String.valueOf(tree.bureau())).param("code", code(tree.unit()))
                        .param("name", "市发展和改革委员会（改名）"))
                .andExpect(redirectedUrl("/units"));

        CurrentUser bureauOfficer = officerOf(tree.bureau());
        mvc.perform(get("/units/{id}/edit", tree.bureau()).with(as(bureauOfficer)))
                .andExpect(content().string(containsString("（无，顶级单位）")));
        mvc.perform(post("/units/{id}", tree.bureau()).with(csrf()).with(as(bureauOfficer))
                        .param("parentId", "").param("code", code(tree.bureau())).param("name", "市保密局（改名）"))
                .andExpect(redirectedUrl("/units"));

        assertThat(jdbc.sql("select name from units where id = ?").param(tree.unit()).query(String.class).single())
                .isEqualTo("市发展和改革委员会（改名）");
        assertThat(jdbc.sql("select parent_id from units where id = ?").param(tree.unit()).query(Long.class).single())
                .isEqualTo(tree.bureau());
        assertThat(jdbc.sql("select parent_id from units where id = ?").param(tree.bureau()).query(Long.class)
                .optional()).isEmpty();
    }

    private String code(long unit) {
        return jdbc.sql("select code from units where id = ?").param(unit).query(String.class).single();
    }

    @Test
    void pagesRenderForTheSecrecyOfficer() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        mvc.perform(get("/units/new").with(as(officer))).andExpect(status().isOk());
        mvc.perform(get("/units/{id}/edit", tree.sub()).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("市价格监测中心")));
        mvc.perform(get("/departments/{id}/edit", tree.unitDepartment()).with(as(officer)))
                .andExpect(content().string(containsString("办公室")));
        mvc.perform(get("/persons/new").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("跟班/见习")));
        mvc.perform(get("/persons/{id}/edit", tree.regular()).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("张0")));
        mvc.perform(get("/persons").param("lang", "en").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Regular staff")));
    }

    private String unitJson(Long parentId, String code, String name) {
        return "{\"parentId\":" + parentId + ",\"code\":\"" + code + "\",\"name\":\"" + name + "\"}";
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
