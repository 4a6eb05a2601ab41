package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static cn.baomi.server.organization.OrganizationFixtures.headOf;
import static cn.baomi.server.organization.OrganizationFixtures.staffOf;
import static cn.baomi.server.organization.OrganizationFixtures.supervisorOf;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Who sees which units and persons, in the pages and in the API (docs/decisions/organization-scope.md). */
@BaomiTest
class OrganizationScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitService units;
    @Autowired
    PartService parts;
    @Autowired
    PersonService persons;
    @Autowired
    UnitDirectory directory;
    @Autowired
    PersonDirectory personDirectory;

    OrganizationFixtures.Tree tree;

    @BeforeEach
    void buildTree() {
        tree = new OrganizationFixtures(units, parts, persons).tree();
    }

    @Test
    void secrecyOfficerOfParentUnitSeesPersonsOfSubordinateUnits() throws Exception {
        CurrentUser officer = officerOf(tree.bureau());
        mvc.perform(get("/api/persons").param("unitId", String.valueOf(tree.sub())).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(tree.subPerson()));
        mvc.perform(get("/persons/{id}", tree.subPerson()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王中心")));
        mvc.perform(get("/persons").param("unitId", String.valueOf(tree.sub())).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王中心")));
    }

    @Test
    void readerOfSubordinateUnitDoesNotSeeTheParentUnitsPersons() throws Exception {
        CurrentUser staff = headOf(tree.sub());
        mvc.perform(get("/api/persons").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(tree.subPerson()));
        mvc.perform(get("/api/persons").param("unitId", String.valueOf(tree.unit())).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/persons").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王中心")))
                .andExpect(content().string(not(containsString("张0"))));
    }

    @Test
    void staffSeesOnlyTheirOwnUnitNotItsSubordinates() {
        assertThat(directory.visibleUnitIds(staffOf(tree.unit()))).containsExactly(tree.unit());
        assertThat(directory.visibleUnitIds(officerOf(tree.unit()))).containsExactlyInAnyOrder(tree.unit(), tree.sub());
        assertThat(directory.visibleUnitIds(supervisorOf(tree.bureau())))
                .containsExactlyInAnyOrder(tree.bureau(), tree.unit(), tree.sub(), tree.sibling());
        assertThat(directory.isInScope(officerOf(tree.unit()), tree.sibling())).isFalse();
    }

    @Test
    void administratorsHaveNoBusinessScope() {
        assertThat(directory.visibleUnitIds(TestUsers.administrator(Role.SYSTEM_ADMIN))).isEmpty();
        assertThat(directory.visibleUnitIds(TestUsers.administrator(Role.SECURITY_AUDITOR))).isEmpty();
    }

    @Test
    void personOutsideScopeIsNotFoundInPageAndApi() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        mvc.perform(get("/persons/{id}", tree.siblingPerson()).with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/persons/{id}/edit", tree.siblingPerson()).with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/persons/{id}", tree.siblingPerson()).with(as(officer)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/persons/{id}/deactivate", tree.siblingPerson()).with(as(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/persons/{id}", tree.bureauPerson()).with(as(headOf(tree.unit()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void unitOutsideScopeIsNotFoundInPageAndApi() throws Exception {
        CurrentUser officer = officerOf(tree.unit());
        mvc.perform(get("/api/units/{id}", tree.sibling()).with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/units/{id}/edit", tree.sibling()).with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/departments/{id}", tree.unitDepartment()).with(as(officerOf(tree.sibling()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void supervisorSeesTheSubtreeButMayNotWrite() throws Exception {
        CurrentUser supervisor = supervisorOf(tree.bureau());
        mvc.perform(get("/api/persons").param("unitId", String.valueOf(tree.sibling())).with(as(supervisor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/units/{id}", tree.sub()).with(as(supervisor))).andExpect(status().isOk());
        mvc.perform(get("/persons/{id}", tree.subPerson()).with(as(supervisor))).andExpect(status().isOk());

        String unitJson = "{\"parentId\":" + tree.unit() + ",\"code\":\"" + OrganizationFixtures.uniqueCode()
                + "\",\"name\":\"监管不得新建\"}";
        mvc.perform(post("/api/units").contentType(MediaType.APPLICATION_JSON).content(unitJson).with(as(supervisor)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/units/{id}", tree.unit()).contentType(MediaType.APPLICATION_JSON).content(unitJson)
                .with(as(supervisor))).andExpect(status().isForbidden());
        mvc.perform(post("/api/units/{id}/deactivate", tree.sub()).with(as(supervisor))).andExpect(status().isForbidden());
        mvc.perform(post("/api/departments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":" + tree.unit() + ",\"name\":\"监管部门\"}").with(as(supervisor)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/persons/{id}/deactivate", tree.subPerson()).with(as(supervisor)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/units/{id}/deactivate", tree.sub()).with(csrf()).with(as(supervisor)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/persons/{id}/deactivate", tree.subPerson()).with(csrf()).with(as(supervisor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/persons/new").with(as(supervisor))).andExpect(status().isForbidden());
        assertThat(personDirectory.find(tree.subPerson())).get().extracting(PersonSummary::active).isEqualTo(true);
    }

    @Test
    void systemAdministratorSeesUnitsButNoPersons() throws Exception {
        CurrentUser admin = TestUsers.administrator(Role.SYSTEM_ADMIN);
        mvc.perform(get("/api/units").param("q", "市价格监测中心").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(1)));
        mvc.perform(get("/units").with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/departments").with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/persons").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get("/persons/{id}", tree.regular()).with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get("/api/persons").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get("/api/persons/{id}", tree.regular()).with(as(admin))).andExpect(status().isForbidden());
    }

    @Test
    void securityAdministratorAndAuditorSeeNoOrganisation() throws Exception {
        for (Role role : new Role[] {Role.SECURITY_ADMIN, Role.SECURITY_AUDITOR}) {
            CurrentUser admin = TestUsers.administrator(role);
            mvc.perform(get("/units").with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/api/units").with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/api/persons").with(as(admin))).andExpect(status().isForbidden());
        }
    }

    @Test
    void departmentHeadMayReadButNotWrite() throws Exception {
        CurrentUser staff = headOf(tree.unit());
        mvc.perform(get("/api/units/{id}", tree.unit()).with(as(staff))).andExpect(status().isOk());
        mvc.perform(post("/api/units/{id}/deactivate", tree.unit()).with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/api/persons/{id}/deactivate", tree.regular()).with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/persons/{id}", tree.regular()).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
    }
}
