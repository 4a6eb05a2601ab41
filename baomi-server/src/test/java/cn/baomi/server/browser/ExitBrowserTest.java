package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.identity.AccountSetup;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.personnel.exit.ExitWorld;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.Browser;
import cn.baomi.server.support.TestDatabase;
import cn.baomi.server.support.TestUsers;

/**
 * An exit (离岗离职) from start to finish in a real browser, as the secrecy officer: the person has borrowed a
 * secret copy, completing is refused while it is out, the copy is taken back on the carrier page, the exit commitment
 * is recorded with its scan, and the exit completes with the cool-off shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
class ExitBrowserTest {

    private static final String PASSWORD = "Baomi#2026-exit";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    AccountSetup accounts;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    ExitWorld.Org org;
    ExitWorld.Copy copy;
    String officer;

    @BeforeEach
    void aCoreLeaverWhoBorrowedASecretCopy() throws Exception {
        browser = Browser.start();
        ExitWorld world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
        copy = world.carrier(org, org.colleague());
        world.lend(org, copy, org.leaver());
        officer = "bmb" + org.officer().personId();
        try {
            TestUsers.signIn(org.bureauOfficer());
            accounts.createWithKnownPassword(officer, "保密员", org.unit(), org.officer().personId(),
                    EnumSet.of(Role.SECRECY_OFFICER), PASSWORD);
        } finally {
            TestUsers.signOut();
        }
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void secrecyOfficerTakesAPersonThroughTheirExit() throws Exception {
        String base = "http://localhost:" + port;
        Browser.signIn(browser, base, officer, PASSWORD);
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("待办事项");

        browser.get(base + "/personnel/exits");
        new Select(browser.findElement(By.id("personId"))).selectByValue(String.valueOf(org.leaver()));
        browser.findElement(By.id("reason")).sendKeys("调任非涉密岗位");
        Browser.submit(browser, browser.findElement(By.id("open-exit-button")));

        assertThat(browser.findElement(By.id("exit-state")).getText()).isEqualTo("办理中");
        String ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copy.copyId())
                .query(String.class).single();
        assertThat(browser.findElement(By.id("held")).getText()).contains(ledgerNumber).contains("借阅未还");
        assertThat(browser.findElement(By.id("devices-note")).getText()).contains("设备尚未纳入");

        Path scan = Files.createTempFile("exit-commitment", ".pdf");
        Files.write(scan, ExitWorld.PDF);
        browser.findElement(By.id("scan")).sendKeys(scan.toAbsolutePath().toString());
        Browser.submit(browser, browser.findElement(By.id("record-commitment")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("已登记离岗保密承诺书");
        assertThat(browser.findElement(By.id("commitment-state")).getText()).isEqualTo("已签署");

        Browser.submit(browser, browser.findElement(By.id("complete-exit")));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("尚有 1 份涉密载体未清退")
                .contains(ledgerNumber);
        assertThat(browser.findElement(By.id("exit-state")).getText()).isEqualTo("办理中");
        String exitPage = browser.getCurrentUrl();

        Browser.submit(browser, browser.findElement(By.cssSelector("#held a")));
        Browser.submit(browser, browser.findElement(By.xpath("//form[input[@value='LOAN_RETURNED']]//button")));
        browser.get(exitPage);
        assertThat(browser.findElement(By.id("nothing-held")).getText()).isEqualTo("本人名下已无涉密载体");

        Browser.submit(browser, browser.findElement(By.id("complete-exit")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("离岗手续已办结，脱密期开始");
        assertThat(browser.findElement(By.id("exit-state")).getText()).isEqualTo("已离岗");
        LocalDate today = LocalDate.now();
        assertThat(browser.findElement(By.id("cool-off")).getText())
                .isEqualTo(today + " 至 " + today.plusYears(3).minusDays(1));

        browser.findElement(By.id("entrustedTo")).sendKeys("市发展改革委");
        Browser.submit(browser, browser.findElement(By.id("entrust")));
        assertThat(browser.findElement(By.id("entrusted")).getText()).startsWith("市发展改革委");
    }
}
