package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The inventory pages: the home-page task, the scan field answering at once, the result, and concurrent custodians. */
@BaomiTest
class InventoryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    InventoryService inventories;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    List<Long> copies;
    CurrentUser custodian;
    CurrentUser colleague;
    long inventory;

    /** Two copies, one held by the custodian and one by the colleague, and an open inventory. */
    @BeforeEach
    void anOpenInventory() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        long carrier = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("清查页面"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        copies = CarrierFixtures.copyIds(jdbc, carrier);
        jdbc.sql("update carrier_copies set custodian_id = ? where id = ?").params(org.colleague(), copies.get(1)).update();
        custodian = org.as(org.custodian(), Role.STAFF);
        colleague = org.as(org.colleague(), Role.STAFF);
        TestUsers.signIn(org.officer());
        try {
            inventory = inventories.open(null);
        } finally {
            TestUsers.signOut();
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void eachCustodianSeesTheInventoryTaskOnTheHomePageUntilConfirmed() throws Exception {
        String task = "/carriers/inventories/" + inventory + "/mine";
        mvc.perform(get("/").with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(task), containsString("您保管的 1 份载体尚待核对"))));
        mvc.perform(get("/").with(as(org.as(org.inside().values().iterator().next(), Role.STAFF))))
                .andExpect(content().string(not(containsString(task))));
        scan(custodian, ledgerNumber(copies.get(0))).andExpect(status().isOk());
        mvc.perform(get("/").with(as(custodian))).andExpect(content().string(not(containsString(task))));
        mvc.perform(get("/").with(as(colleague))).andExpect(content().string(containsString(task)));
    }

    @Test
    void theScanFieldAnswersAtOnceAndIsReadyForTheNextLabel() throws Exception {
        mvc.perform(get("/carriers/inventories/" + inventory + "/mine").with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"scan-input\""), containsString("autofocus"),
                        containsString(ledgerNumber(copies.get(0))), not(containsString(ledgerNumber(copies.get(1)))))));
        scan(custodian, ledgerNumber(copies.get(0))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已确认：" + ledgerNumber(copies.get(0))),
                        containsString("autofocus"), containsString("hx-swap-oob=\"true\""), not(containsString("<html")))));
        scan(custodian, ledgerNumber(copies.get(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("不是您保管的")));
        scan(custodian, "XX-0000").andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到")));
    }

    @Test
    void withoutHtmxTheScanRedirectsWithTheAnswer() throws Exception {
        mvc.perform(post("/carriers/inventories/" + inventory + "/confirmations").with(as(custodian)).with(csrf())
                        .param("ledgerNumber", ledgerNumber(copies.get(0))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("scanned", "已确认：" + ledgerNumber(copies.get(0))));
    }

    @Test
    void tickingConfirmsTheTickedCopies() throws Exception {
        mvc.perform(post("/carriers/inventories/" + inventory + "/ticks").with(as(custodian)).with(csrf())
                        .param("copyIds", String.valueOf(copies.get(0))).param("place", "档案室"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "carrier.inventory.notice.confirmed"));
        assertThat(jdbc.sql("select mismatch from inventory_items where inventory_id = ? and copy_id = ?")
                .params(inventory, copies.get(0)).query(String.class).single()).isEqualTo("OTHER_PLACE");
    }

    @Test
    void theOfficeSeesTheResultAndClosesTheInventory() throws Exception {
        scan(custodian, ledgerNumber(copies.get(0))).andExpect(status().isOk());
        mvc.perform(get("/carriers/inventories").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"inventory-" + inventory + "\"")));
        mvc.perform(get("/carriers/inventories/" + inventory).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已确认 1 份，不符 0 份，未确认 1 份"),
                        containsString("id=\"missing-" + copies.get(1) + "\""),
                        containsString("id=\"confirmed-" + copies.get(0) + "\""))));
        mvc.perform(post("/carriers/inventories/" + inventory + "/closing").with(as(org.officer())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/carriers/inventories/*"));
        mvc.perform(get("/carriers/inventories/" + inventory).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"missing-" + copies.get(1) + "\""),
                        containsString("已丢失"), not(containsString("id=\"close-form\"")),
                        containsString("未找到（已报告丢失） (1)"), not(containsString("待核对")))));
        mvc.perform(get("/carriers/inventories/" + inventory + "/mine").with(as(colleague))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("本次清查已结束"), not(containsString("scan-input")))));
    }

    @Test
    void twoCustodiansConfirmingAtOnceBothSucceed() throws Exception {
        List<CurrentUser> users = List.of(custodian, colleague);
        List<Long> held = List.of(copies.get(0), copies.get(1));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                CurrentUser user = users.get(i);
                String number = ledgerNumber(held.get(i));
                done.add(pool.submit(() -> {
                    TestUsers.signIn(user);
                    try {
                        start.await();
                        inventories.confirmByLedgerNumber(inventory, number, null);
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        TestUsers.signOut();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("select count(*) from inventory_items where inventory_id = ? and confirmed_at is not null")
                .param(inventory).query(Long.class).single()).isEqualTo(2);
    }

    private org.springframework.test.web.servlet.ResultActions scan(CurrentUser user, String ledgerNumber)
            throws Exception {
        return mvc.perform(post("/carriers/inventories/" + inventory + "/confirmations").with(as(user)).with(csrf())
                .header("HX-Request", "true").param("ledgerNumber", ledgerNumber));
    }

    private String ledgerNumber(long copyId) {
        return jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copyId).query(String.class).single();
    }
}
