package cn.baomi.server.identity;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestIdNumbers;
import cn.baomi.server.support.TestUsers;

/** The three administrators (三员): exclusive roles, and no access to business records. */
@BaomiTest
class AdministratorSeparationTest {

    private static final String[] BUSINESS_PAGES = {"/persons", "/persons/1", "/carriers", "/personnel"};
    private static final String[] BUSINESS_API = {"/api/persons", "/api/persons/1", "/api/carriers", "/api/approvals"};

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService service;
    @Autowired
    IdentityFixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganizationSetup organization;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @ParameterizedTest
    @EnumSource(names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "SECURITY_AUDITOR"})
    void administratorsAreDeniedBusinessPagesAndApi(Role administrator) throws Exception {
        CurrentUser admin = TestUsers.administrator(administrator);
        for (String page : BUSINESS_PAGES) {
            mvc.perform(get(page).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(post(page).with(as(admin)).with(csrf())).andExpect(status().isForbidden());
        }
        for (String api : BUSINESS_API) {
            mvc.perform(get(api).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(post(api).with(as(admin)).contentType("application/json").content("{}"))
                    .andExpect(status().isForbidden());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "SECURITY_AUDITOR"})
    void businessRecordsStayClosedWithARealAdministratorToken(Role administrator) throws Exception {
        // first, before a valid token's sign-in could linger in the test's security context
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer bm_not-a-token"))
                .andExpect(status().isUnauthorized());
        Account account = fixtures.account(administrator);
        TestUsers.signIn(account.asCurrentUser());
        String token = new ApiTokenServiceAccess(mvc).issue(account);
        TestUsers.signOut();
        mvc.perform(get("/api/persons").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/carriers")));
    }

    @ParameterizedTest
    @EnumSource(names = {"SECRECY_OFFICER", "UNIT_LEADER", "STAFF", "SUPERVISOR"})
    void businessRolesAreDeniedAdministratorPages(Role business) throws Exception {
        CurrentUser user = TestUsers.user(1L, null, business);
        mvc.perform(get("/admin/accounts").with(as(user))).andExpect(status().isForbidden());
        mvc.perform(get("/security-admin/accounts").with(as(user))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(user))).andExpect(status().isForbidden());
    }

    @Test
    void eachAdministratorReachesOnlyTheirOwnPages() throws Exception {
        mvc.perform(get("/admin/accounts").with(as(TestUsers.administrator(Role.SYSTEM_ADMIN)))).andExpect(status().isOk());
        mvc.perform(get("/security-admin/accounts").with(as(TestUsers.administrator(Role.SECURITY_ADMIN))))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/accounts").with(as(TestUsers.administrator(Role.SECURITY_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/security-admin/accounts").with(as(TestUsers.administrator(Role.SYSTEM_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(as(TestUsers.administrator(Role.SECURITY_AUDITOR))))
                .andExpect(status().isForbidden());
    }

    @Test
    void noAccountCanHoldTwoAdministratorRoles() {
        Account target = fixtures.account(Role.STAFF);
        TestUsers.signIn(fixtures.account(Role.SECURITY_ADMIN).asCurrentUser());
        for (Set<Role> forbidden : Set.of(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_AUDITOR),
                EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN), EnumSet.of(Role.SECURITY_ADMIN, Role.SECURITY_AUDITOR),
                EnumSet.of(Role.SECURITY_AUDITOR, Role.SECRECY_OFFICER), EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF))) {
            assertThatThrownBy(() -> service.assignRoles(target.id(), forbidden))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("account.roles.separation");
        }
        assertThat(accounts.findById(target.id()).orElseThrow().roles()).containsExactly(Role.STAFF);
        service.assignRoles(target.id(), EnumSet.of(Role.STAFF, Role.DEPARTMENT_HEAD));
        assertThat(accounts.findById(target.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.STAFF, Role.DEPARTMENT_HEAD);
    }

    @Test
    void theRoleGrantPageRefusesASecondAdministratorRole() throws Exception {
        Account target = fixtures.account(Role.SYSTEM_ADMIN);
        CurrentUser securityAdmin = fixtures.account(Role.SECURITY_ADMIN).asCurrentUser();
        mvc.perform(post("/security-admin/accounts/" + target.id() + "/roles").with(as(securityAdmin)).with(csrf())
                        .param("roles", "SYSTEM_ADMIN", "SECURITY_AUDITOR"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(target.id()).orElseThrow().roles()).containsExactly(Role.SYSTEM_ADMIN);
    }

    @Test
    void onlyTheSecurityAdministratorGrantsRoles() {
        Account target = fixtures.account(Role.STAFF);
        TestUsers.signIn(fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser());
        assertThatThrownBy(() -> service.assignRoles(target.id(), EnumSet.of(Role.SECRECY_OFFICER)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSecurityAdministratorCannotChangeTheirOwnRoles() {
        Account self = fixtures.account(Role.SECURITY_ADMIN);
        TestUsers.signIn(self.asCurrentUser());
        assertThatThrownBy(() -> service.assignRoles(self.id(), EnumSet.of(Role.SECRECY_OFFICER)))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void theSystemAdministratorCannotDisableTheirOwnAccount() {
        Account self = fixtures.account(Role.SYSTEM_ADMIN);
        TestUsers.signIn(self.asCurrentUser());
        assertThatThrownBy(() -> service.setEnabled(self.id(), false)).isInstanceOf(BusinessRuleViolation.class);
        assertThat(accounts.findById(self.id()).orElseThrow().enabled()).isTrue();
    }

    /**
     * The system administrator resets business accounts' passwords, never the security administrator's or the
     * auditor's: the one-time password would let them act as the one who checks them. The page offers no such reset.
     */
    @Test
    void theSystemAdministratorCannotResetAnotherAdministratorsPassword() throws Exception {
        Account auditor = fixtures.account(Role.SECURITY_AUDITOR);
        Account securityAdmin = fixtures.account(Role.SECURITY_ADMIN);
        Account staff = fixtures.account(Role.STAFF);
        CurrentUser systemAdmin = fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser();
        TestUsers.signIn(systemAdmin);
        for (Account other : List.of(auditor, securityAdmin)) {
            String before = accounts.findById(other.id()).orElseThrow().passwordHash();
            assertThatThrownBy(() -> service.resetPassword(other.id())).isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                    .isEqualTo("account.resetPassword.otherAdministrator");
            assertThat(accounts.findById(other.id()).orElseThrow().passwordHash()).isEqualTo(before);
        }
        assertThat(service.resetPassword(staff.id()).oneTimePassword()).isNotBlank();
        assertThatThrownBy(() -> service.resetPassword(systemAdmin.accountId())).as("one's own: 修改密码")
                .isInstanceOf(BusinessRuleViolation.class);
        mvc.perform(post("/admin/accounts/" + auditor.id() + "/reset-password").with(as(systemAdmin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/admin/accounts").param("q", auditor.username()).with(as(systemAdmin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(auditor.username()).doesNotContain("/admin/accounts/" + auditor.id() + "/reset-password");
    }

    /** A user name differing only in letter case from an existing one is taken: the two would pass for one person. */
    @Test
    void aUserNameIsTakenInAnyLetterCase() {
        TestUsers.signIn(fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser());
        String name = IdentityFixtures.uniqueName("case");
        service.create(name.toLowerCase(java.util.Locale.ROOT), "某人", null);
        assertThatThrownBy(() -> service.create(name.toUpperCase(java.util.Locale.ROOT), "某人", null))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("account.username.taken");
    }

    /** A refused new account comes back with the unit chosen, not the first unit of the list. */
    @Test
    void aRefusedNewAccountKeepsItsUnit() throws Exception {
        Account existing = fixtures.account(Role.STAFF);
        long unit = fixtures.unit();
        String page = mvc.perform(post("/admin/accounts").with(as(fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser()))
                        .with(csrf()).param("username", existing.username()).param("displayName", "重名")
                        .param("unitId", String.valueOf(unit)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已被使用").containsPattern("<option value=\"" + unit + "\"[^>]*selected");
    }

    /** A person's business account cannot be turned into an administrator's: the three have accounts of their own. */
    @Test
    void aPersonsAccountCannotBecomeAnAdministrator() {
        Account staff = fixtures.account(Role.STAFF);
        long person = TestUsers.callAs(TestUsers.user(staff.unitId(), null, Role.SECRECY_OFFICER),
                () -> organization.registerPerson(new OrganizationSetup.NewPerson("管理员候选", TestIdNumbers.next(),
                        staff.unitId(), null, null, EmploymentType.REGULAR, ClearanceLevel.GENERAL)));
        accounts.linkPerson(staff.id(), person, staff.unitId());
        TestUsers.signIn(fixtures.account(Role.SECURITY_ADMIN).asCurrentUser());
        assertThatThrownBy(() -> service.assignRoles(staff.id(), EnumSet.of(Role.SECURITY_AUDITOR)))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("account.roles.adminNeedsOwnAccount");
        assertThat(accounts.findById(staff.id()).orElseThrow().roles()).containsExactly(Role.STAFF);
    }

    @Test
    void anAccountWithoutAUnitGetsNoRoleUntilOneIsGranted() {
        TestUsers.signIn(fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser());
        AccountService.Created created = service.create(IdentityFixtures.uniqueName("x"), "某人", null);
        assertThat(accounts.findById(created.accountId()).orElseThrow().roles()).isEmpty();
        TestUsers.signIn(fixtures.account(Role.SECURITY_ADMIN).asCurrentUser());
        assertThatThrownBy(() -> service.assignRoles(created.accountId(), EnumSet.of(Role.STAFF)))
                .isInstanceOf(BusinessRuleViolation.class);
        service.assignRoles(created.accountId(), EnumSet.of(Role.SECURITY_AUDITOR));
        assertThat(accounts.findById(created.accountId()).orElseThrow().roles()).containsExactly(Role.SECURITY_AUDITOR);
    }

    @Test
    void anAccountOfAUnitStartsAsStaff() {
        long unit = fixtures.unit();
        TestUsers.signIn(fixtures.account(Role.SYSTEM_ADMIN).asCurrentUser());
        AccountService.Created created = service.create(IdentityFixtures.uniqueName("x"), "某人", unit);
        assertThat(accounts.findById(created.accountId()).orElseThrow().roles()).containsExactly(Role.STAFF);
    }

    @Test
    void staffHaveNoNeedToKnowThePersonRegister() throws Exception {
        CurrentUser staff = TestUsers.user(1L, null, Role.STAFF);
        mvc.perform(get("/persons").with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/persons").with(as(staff))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheSystemAdministratorCreatesAccounts() {
        TestUsers.signIn(fixtures.account(Role.SECURITY_ADMIN).asCurrentUser());
        assertThatThrownBy(() -> service.create(IdentityFixtures.uniqueName("x"), "某人", null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
