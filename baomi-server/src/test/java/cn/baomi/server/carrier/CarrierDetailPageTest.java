package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.identity.AccountSetup;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** What the carrier detail page names: scope entries by name, and only possible holders in the receiver picker. */
@BaomiTest
class CarrierDetailPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    AccountSetup accounts;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;

    @BeforeEach
    void anOrganisation() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
    }

    @Test
    void scopeShowsDepartmentAndPositionNames() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("范围"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department()),
                        new CarrierScopes.Entry(ScopeKind.POSITION, org.position())), 1);
        String page = page(org.officer(), carrier);
        assertThat(page).contains("部门：办公室").contains("岗位：机要员")
                .doesNotContain("部门：#").doesNotContain("岗位：#");
    }

    /**
     * The event forms post as plain forms and reload the page with its notice: an htmx post would put the whole page
     * it gets back inside the form. The ones that ask first (清退, 解密) ask through {@code data-confirm}.
     */
    @Test
    void eventFormsReloadThePageAndAskBeforeReturningOrDeclassifying() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("清退"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        String page = page(org.officer(), carrier);
        assertThat(page).contains("value=\"RETURNED_TO_ISSUER\"").contains("value=\"DECLASSIFIED\"")
                .contains("data-confirm=\"清退后此份载体不能再登记任何事项，确定清退吗？\"")
                .doesNotContain("hx-post=\"/carriers/" + carrier + "/events\"")
                .as("the issuer is asked for before the confirmation, not after it")
                .contains("name=\"counterpart\" maxlength=\"100\" required");
    }

    /** The history names who acted as people know them (the account's display name), not by their login name. */
    @Test
    void theHistoryNamesWhoActedByTheirName() throws Exception {
        String username = "hist" + System.nanoTime() % 1_000_000_000L;
        long account = accounts.createWithKnownPassword(username, "保密办李四", org.unit(), null,
                EnumSet.of(Role.SECRECY_OFFICER), "Baomi#2026-history");
        CurrentUser officer = new CurrentUser(account, username, "保密办李四", org.unit(), null,
                EnumSet.of(Role.SECRECY_OFFICER));
        long carrier = TestUsers.callAs(officer, () -> carriers.register(CarrierFixtures.form(org, SecretLevel.SECRET,
                CarrierFixtures.uniqueTitle("历史"), List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT,
                        org.department())), 1)));
        assertThat(page(officer, carrier)).contains("<td>保密办李四</td>").doesNotContain("<td>" + username + "</td>");
    }

    @Test
    void receiverPickerOffersOnlyPersonsWhoMayHoldTheCopy() throws Exception {
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("候选"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        String page = page(org.officer(), carrier);
        assertThat(page).contains(option(org.colleague())).contains(option(org.inside().get(ClearanceLevel.IMPORTANT)))
                .as("not cleared for 机密").doesNotContain(option(org.inside().get(ClearanceLevel.GENERAL)))
                .as("outside the scope").doesNotContain(option(org.outside().get(ClearanceLevel.CORE)))
                .as("another unit").doesNotContain(option(org.siblingPerson()));
    }

    @Test
    void staffPickFromTheirDepartmentAndThePersonsTheScopeNames() throws Exception {
        long named = org.outside().get(ClearanceLevel.CORE);
        long otherDepartment = org.outside().get(ClearanceLevel.IMPORTANT);
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("同事"),
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit()),
                        new CarrierScopes.Entry(ScopeKind.PERSON, named)), 1);

        String staff = page(org.as(org.custodian(), Role.STAFF), carrier);
        assertThat(staff).contains(option(org.colleague())).contains(option(named))
                .as("eligible, but the register is not the staff's to browse").doesNotContain(option(otherDepartment))
                .doesNotContain(option(org.inside().get(ClearanceLevel.GENERAL)));

        assertThat(page(org.officer(), carrier)).contains(option(otherDepartment)).contains(option(named));
    }

    private String page(CurrentUser user, long carrier) throws Exception {
        return mvc.perform(get("/carriers/" + carrier).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String option(long personId) {
        return "<option value=\"" + personId + "\">";
    }
}
