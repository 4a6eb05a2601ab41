package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;

/** Bad person input gets a message beside the field in the page and problem details from the API; nothing is half-saved. */
@BaomiTest
class PersonValidationTest {

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
    CurrentUser officer;

    @BeforeEach
    void buildTree() {
        tree = new OrganizationFixtures(units, parts, persons).tree();
        officer = officerOf(tree.unit());
    }

    @Test
    void malformedIdNumberIsAFieldErrorInThePage() throws Exception {
        String badCheck = OrganizationFixtures.newIdNumber().substring(0, 17) + "Z";
        long before = personCount();
        mvc.perform(personPage("王五", "11010519491231002")).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号应为 18 位。")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("value=\"王五\"")));
        mvc.perform(personPage("王五", "110105194902300025")).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号中的出生日期无效。")));
        mvc.perform(personPage("王五", "110105194912310021")).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号校验码不正确。")));
        mvc.perform(personPage("王五", badCheck)).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号应为 17 位数字加 1 位数字或 X。")));
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void malformedIdNumberIsAProblemWithTheFieldInTheApi() throws Exception {
        long before = personCount();
        for (String bad : new String[] {"110105194912310021", "110105194902300025", "1101051949123100"}) {
            mvc.perform(personApi(json("王五", bad, tree.unitDepartment(), "REGULAR", "GENERAL")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        }
        assertThat(personCount()).isEqualTo(before);
    }

    /** A missing name and a wrong ID number are named together, not one per submission. */
    @Test
    void everyWrongFieldIsNamedAtOnceInPageAndApi() throws Exception {
        long before = personCount();
        mvc.perform(personPage("", "110105194912310021")).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号校验码不正确。")))
                .andExpect(content().string(containsString("必填")));
        mvc.perform(personApi(json("", "110105194912310021", tree.unitDepartment(), "REGULAR", "GENERAL")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("name", "idNumber")));
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void overLongNameIsRefusedInPageAndApi() throws Exception {
        String longName = "长".repeat(51);
        long before = personCount();
        mvc.perform(personPage(longName, OrganizationFixtures.newIdNumber())).andExpect(status().isOk())
                .andExpect(content().string(containsString("不能超过 50 个字符")));
        mvc.perform(personApi(json(longName, OrganizationFixtures.newIdNumber(), null, "REGULAR", "NONE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("不能超过 50 个字符"));
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void duplicateIdNumberIsRefusedAndTheFirstPersonIsUntouched() throws Exception {
        String number = OrganizationFixtures.newIdNumber();
        mvc.perform(personApi(json("先登记", number, null, "REGULAR", "NONE"))).andExpect(status().isCreated());
        String firstCipher = jdbc.sql("select id_number_cipher from persons where name = '先登记' and unit_id = ?")
                .param(tree.unit()).query(String.class).single();
        long before = personCount();
        mvc.perform(personApi(json("后登记", number.toLowerCase(), null, "REGULAR", "NONE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").value("该身份证号已登记。"));
        mvc.perform(personPage("后登记", number)).andExpect(status().isOk())
                .andExpect(content().string(containsString("该身份证号已登记。")));
        assertThat(personCount()).isEqualTo(before);
        assertThat(jdbc.sql("select id_number_cipher from persons where name = '先登记' and unit_id = ?")
                .param(tree.unit()).query(String.class).single()).isEqualTo(firstCipher);
    }

    @Test
    void departmentFromAnotherUnitIsAFieldError() throws Exception {
        long before = personCount();
        mvc.perform(personApi(json("错部门", OrganizationFixtures.newIdNumber(), tree.subDepartment(), "REGULAR", "NONE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"))
                .andExpect(jsonPath("$.errors[0].message").value("所选部门不属于该人员的单位。"));
        mvc.perform(personPage("错部门", OrganizationFixtures.newIdNumber())
                        .param("departmentId", String.valueOf(tree.subDepartment())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选部门不属于该人员的单位。")));
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void temporarySecondedAndTraineeStaffGetNoClearanceWithoutException() throws Exception {
        long before = personCount();
        for (String type : new String[] {"TEMPORARY", "SECONDED", "TRAINEE"}) {
            mvc.perform(personApi(json("临时", OrganizationFixtures.newIdNumber(), null, type, "GENERAL")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("clearance"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("人员管理模块")));
        }
        mvc.perform(personPage("临时", OrganizationFixtures.newIdNumber(), "TRAINEE", "CORE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须经人员管理模块严格审批并记录")));
        assertThat(personCount()).isEqualTo(before);
        mvc.perform(personApi(json("临时无密", OrganizationFixtures.newIdNumber(), null, "TEMPORARY", "NONE")))
                .andExpect(status().isCreated());
        mvc.perform(personApi(json("外包有密", OrganizationFixtures.newIdNumber(), null, "OUTSOURCED", "GENERAL")))
                .andExpect(status().isCreated());
    }

    @Test
    void editingMayNotGiveATemporaryHireAClearanceEither() throws Exception {
        long temp = tree.unitPersons().get(EmploymentType.TEMPORARY);
        mvc.perform(put("/api/persons/{id}", temp).contentType(MediaType.APPLICATION_JSON)
                        .content(json("张1", "", null, "TEMPORARY", "IMPORTANT")).with(as(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clearance"));
        assertThat(jdbc.sql("select clearance from persons where id = ?").param(temp).query(String.class).single())
                .isEqualTo(ClearanceLevel.NONE.name());
    }

    @Test
    void missingRequiredFieldsAreListedInTheProblem() throws Exception {
        mvc.perform(personApi("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4));
    }

    private MockHttpServletRequestBuilder personPage(String name, String idNumber) {
        return personPage(name, idNumber, "REGULAR", "GENERAL");
    }

    private MockHttpServletRequestBuilder personPage(String name, String idNumber, String type, String clearance) {
        return post("/persons").with(csrf()).with(as(officer))
                .param("name", name).param("idNumber", idNumber).param("unitId", String.valueOf(tree.unit()))
                .param("employmentType", type).param("clearance", clearance);
    }

    private MockHttpServletRequestBuilder personApi(String body) {
        return post("/api/persons").with(as(officer)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String json(String name, String idNumber, Long departmentId, String type, String clearance) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"unitId\":" + tree.unit()
                + ",\"departmentId\":" + departmentId + ",\"employmentType\":\"" + type + "\",\"clearance\":\""
                + clearance + "\"}";
    }

    private long personCount() {
        return jdbc.sql("select count(*) from persons").query(Long.class).single();
    }
}
