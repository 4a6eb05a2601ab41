package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.support.BaomiTest;

/** The destruction page offers the live copies page by page, with the ledger's pager and search. */
@BaomiTest
class DestructionSelectionPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;

    @Test
    void destructionSelectionIsPaged() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        CarrierFixtures.Org org = fixtures.org();
        String title = CarrierFixtures.uniqueTitle("分页");
        fixtures.carrier(org, SecretLevel.CONFIDENTIAL, title,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), LedgerQuery.DEFAULT_SIZE + 5);

        String first = page(org, "/carriers/destruction");
        assertThat(count(first, "name=\"copyIds\"")).isEqualTo(LedgerQuery.DEFAULT_SIZE);
        assertThat(first).contains("第 1 / 2 页").contains("page=1");

        String second = page(org, "/carriers/destruction?page=1");
        assertThat(count(second, "name=\"copyIds\"")).isEqualTo(5);
        assertThat(second).contains("第 2 / 2 页");

        assertThat(count(page(org, "/carriers/destruction?q=no-such-carrier"), "name=\"copyIds\"")).isZero();
    }

    private String page(CarrierFixtures.Org org, String path) throws Exception {
        return mvc.perform(get(path).with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
