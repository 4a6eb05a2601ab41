package cn.baomi.server.identity;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.organization.ResidentIdNumbers;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

@BaomiTest
class AccountLinksTest {

    private static int serial = 100;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    AccountSetup setup;
    @Autowired
    Accounts accounts;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long unit() {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        String code = IdentityFixtures.uniqueName("L");
        return organization.createUnit(null, code, "单位" + code, false);
    }

    private long person(long unitId) {
        TestUsers.signIn(TestUsers.user(unitId, null, Role.SECRECY_OFFICER));
        String first17 = "11010519800101" + String.format("%03d", serial++);
        return organization.registerPerson(new OrganizationSetup.NewPerson("李" + serial, ResidentIdNumbers.withCheckDigit(first17),
                unitId, null, null, EmploymentType.REGULAR, ClearanceLevel.GENERAL));
    }

    private long account(long unitId) {
        return setup.createWithKnownPassword(IdentityFixtures.uniqueName("k"), "某人", unitId, null,
                EnumSet.of(Role.STAFF), IdentityFixtures.PASSWORD);
    }

    @Test
    void secrecyOfficerLinksAnAccountToAPersonOfTheUnit() throws Exception {
        long unit = unit();
        long person = person(unit);
        long account = account(unit);
        CurrentUser officer = TestUsers.user(unit, null, Role.SECRECY_OFFICER);
        String page = mvc.perform(get("/account-links").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(accounts.findById(account).orElseThrow().username());
        assertThat(page).as("no person is chosen until the officer chooses one, and linking asks first")
                .contains("<option value=\"\">（请选择人员）</option>").contains("data-confirm=\"关联后不能在此更改");
        mvc.perform(post("/account-links/" + account).param("personId", String.valueOf(person)).with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(account).orElseThrow().personId()).isEqualTo(person);
    }

    @Test
    void accountOutsideTheOfficersScopeCannotBeLinked() throws Exception {
        long mine = unit();
        long other = unit();
        long person = person(other);
        long account = account(other);
        mvc.perform(post("/account-links/" + account).param("personId", String.valueOf(person))
                        .with(as(TestUsers.user(mine, null, Role.SECRECY_OFFICER))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(accounts.findById(account).orElseThrow().personId()).isNull();
    }

    @Test
    void onlyTheSecrecyOfficeLinksAccounts() throws Exception {
        long unit = unit();
        long person = person(unit);
        long account = account(unit);
        mvc.perform(post("/account-links/" + account).param("personId", String.valueOf(person))
                        .with(as(TestUsers.user(unit, null, Role.UNIT_LEADER))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account-links").with(as(TestUsers.administrator(Role.SYSTEM_ADMIN))))
                .andExpect(status().isForbidden());
        assertThat(accounts.findById(account).orElseThrow().personId()).isNull();
    }

    @Test
    void aPersonHasAtMostOneAccount() throws Exception {
        long unit = unit();
        long person = person(unit);
        long first = account(unit);
        long second = account(unit);
        CurrentUser officer = TestUsers.user(unit, null, Role.SECRECY_OFFICER);
        mvc.perform(post("/account-links/" + first).param("personId", String.valueOf(person)).with(as(officer)).with(csrf()));
        mvc.perform(post("/account-links/" + second).param("personId", String.valueOf(person)).with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(second).orElseThrow().personId()).isNull();
    }

    @Test
    void deactivatingAPersonDisablesTheirAccount() throws Exception {
        long unit = unit();
        long person = person(unit);
        long account = account(unit);
        CurrentUser officer = TestUsers.user(unit, null, Role.SECRECY_OFFICER);
        mvc.perform(post("/account-links/" + account).param("personId", String.valueOf(person)).with(as(officer)).with(csrf()));
        mvc.perform(post("/api/persons/" + person + "/deactivate").with(as(officer))).andExpect(status().is2xxSuccessful());
        assertThat(accounts.findById(account).orElseThrow().enabled()).isFalse();
    }
}
