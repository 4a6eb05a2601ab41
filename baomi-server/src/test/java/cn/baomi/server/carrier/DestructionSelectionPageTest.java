package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

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

    @Test
    void thePagerLinksToThePreviousAndNextPageKeepingTheSearch() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        CarrierFixtures.Org org = fixtures.org();
        String title = "翻页" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.carrier(org, SecretLevel.CONFIDENTIAL, title,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), LedgerQuery.DEFAULT_SIZE + 1);
        String q = UriUtils.encodeQueryParam(title, StandardCharsets.UTF_8);

        String first = page(org, URI.create("/carriers/destruction?q=" + q));
        assertThat(first).contains("<nav class=\"pager mt-2\" aria-label=\"pager\">")
                .contains("第 1 / 2 页，共 " + (LedgerQuery.DEFAULT_SIZE + 1) + " 份")
                .contains("href=\"/carriers/destruction?q=" + q + "&amp;page=1\">下一页</a>").doesNotContain("上一页");

        String second = page(org, URI.create("/carriers/destruction?q=" + q + "&page=1"));
        assertThat(second).contains("第 2 / 2 页")
                .contains("href=\"/carriers/destruction?q=" + q + "&amp;page=0\">上一页</a>").doesNotContain("下一页");
    }

    private String page(CarrierFixtures.Org org, String path) throws Exception {
        return page(org, URI.create(path));
    }

    private String page(CarrierFixtures.Org org, URI uri) throws Exception {
        return mvc.perform(get(uri).with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
