package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.baomi.server.support.Browser;
import cn.baomi.server.support.TestDatabase;

/**
 * A carrier's life through the real pages, as the demo people: the secrecy office registers a 秘密 carrier in three
 * copies and hands one to a staff member, who confirms it and asks for a copy; the department head and the secrecy
 * office approve and the new copy appears; the office lists another copy for destruction, the head of the secrecy
 * room approves the list, and the office records the destruction with destroyer, witness and certificate.
 * The database is read only to learn ids and names the pages show; every change goes through the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baomi.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
class CarrierLifecycleBrowserTest {

    private static final String PASSWORD = "Baomi#2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void registerHandOverConfirmCopyWithApprovalAndDestroyThroughAList() {
        String title = "关于年度保密检查的通知（浏览器测试 " + System.nanoTime() + "）";
        long county = jdbc.sql("select id from units where name = '临川县发展和改革局'").query(Long.class).single();

        signIn("baomiban");
        long carrier = register(title, county, person("baomiban"));
        List<Long> copies = jdbc.sql("select id from carrier_copies where carrier_id = ? order by copy_number")
                .param(carrier).query(Long.class).list();
        assertThat(copies).hasSize(3);
        assertThat(copyRows()).hasSize(3);

        long first = copies.get(0);
        WebElement handOver = row(first).findElement(By.xpath(".//form[input[@value='HANDOVER_REQUESTED']]"));
        new Select(handOver.findElement(By.name("personId"))).selectByValue(String.valueOf(person("keyuan")));
        submit(handOver.findElement(By.tagName("button")));
        assertThat(text("#notice")).isEqualTo("已记录。");
        assertThat(row(first).getText()).contains("交接待确认").contains(name("keyuan"));

        signIn("keyuan");
        open("/carriers/" + carrier);
        submit(browser.findElement(By.id("confirm-" + first)));
        assertThat(text("#notice")).isEqualTo("已记录。");
        assertThat(row(first).getText()).contains("在册").contains(name("keyuan")).doesNotContain("交接待确认");

        WebElement count = browser.findElement(By.id("copy-count"));
        count.clear();
        count.sendKeys("1");
        browser.findElement(By.id("copy-reason")).sendKeys("综合规划股传阅需要");
        submit(browser.findElement(By.cssSelector("#copy-request-form button[type=submit]")));
        assertThat(text("#notice")).isEqualTo("复制申请已提交审批");
        assertThat(text("#copy-requests")).contains("审批中");
        long copyApproval = jdbc.sql("select approval_id from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single();

        signIn("bumen");
        approve(copyApproval);
        assertThat(text("#state")).isEqualTo("审批中");
        signIn("baomiban");
        approve(copyApproval);
        assertThat(text("#state")).isEqualTo("已批准");

        open("/carriers/" + carrier);
        assertThat(text("#copy-requests")).contains("已批准，已复制");
        List<WebElement> rows = copyRows();
        assertThat(rows).as("the new copy appears").hasSize(4);
        assertThat(rows.get(3).getText()).startsWith("000004").contains(name("keyuan")).contains("在册");

        long third = copies.get(2);
        open("/carriers/destruction");
        WebElement search = browser.findElement(By.cssSelector("#destruction-search input[name=q]"));
        search.sendKeys(title);
        search.submit();
        click(browser.findElement(By.id("pick-" + third)));
        browser.findElement(By.id("destruction-reason")).sendKeys("已过保密期限，无保存价值");
        submit(browser.findElement(By.cssSelector("#destruction-form button[type=submit]")));
        assertThat(text("#notice")).isEqualTo("销毁清单已提交审批");
        assertThat(text("#list-state")).isEqualTo("审批中");
        String listPage = browser.getCurrentUrl();
        long destructionApproval = jdbc.sql("""
                select l.approval_id from destruction_lists l join destruction_list_copies c on c.list_id = l.id
                where c.copy_id = ?""").param(third).query(Long.class).single();

        signIn("zhuren");
        approve(destructionApproval);
        assertThat(text("#state")).as("the secrecy room's head, then the secrecy office").isEqualTo("审批中");
        submit(browser.findElement(By.id("approve")));
        assertThat(text("#state")).isEqualTo("已批准");

        signIn("baomiban");
        browser.get(listPage);
        assertThat(text("#list-state")).isEqualTo("已批准，待销毁");
        browser.findElement(By.id("body")).sendKeys("江北市国家秘密载体销毁中心");
        browser.findElement(By.id("certificateNumber")).sendKeys("XH-2026-0815");
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("certificateDate")),
                LocalDate.now().toString());
        new Select(browser.findElement(By.id("destroyerId"))).selectByValue(String.valueOf(person("baomiban")));
        new Select(browser.findElement(By.id("witnessId"))).selectByValue(String.valueOf(person("zhuren")));
        submit(browser.findElement(By.cssSelector("#completion-form button[type=submit]")));
        assertThat(text("#notice")).isEqualTo("已登记销毁");
        assertThat(text("#list-state")).isEqualTo("已销毁");
        assertThat(text("#listed")).contains("已销毁");
        assertThat(browser.getPageSource()).contains("XH-2026-0815").doesNotContain("completion-form");

        open("/carriers/" + carrier);
        assertThat(row(third).getText()).contains("已销毁");
        assertThat(row(third).findElements(By.tagName("form"))).as("a destroyed copy takes no further event").isEmpty();
        assertThat(text("#history")).contains("销毁").contains("XH-2026-0815");
    }

    private long register(String title, long unit, long custodian) {
        open("/carriers/new");
        new Select(browser.findElement(By.id("type"))).selectByValue("PAPER");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("documentNumber")).sendKeys("临发改〔2026〕8号");
        new Select(browser.findElement(By.id("level"))).selectByValue("CONFIDENTIAL");
        new Select(browser.findElement(By.id("scopeUnitIds"))).selectByValue(String.valueOf(unit));
        WebElement copies = browser.findElement(By.id("copies"));
        copies.clear();
        copies.sendKeys("3");
        new Select(browser.findElement(By.id("custodianId"))).selectByValue(String.valueOf(custodian));
        browser.findElement(By.id("place")).sendKeys("机要保密室");
        submit(browser.findElement(By.id("register")));
        assertThat(text("#notice")).isEqualTo("载体已登记。");
        assertThat(text("#carrier-title")).isEqualTo(title);
        assertThat(text("#scope")).contains("临川县发展和改革局");
        String url = browser.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Opens the approval from the user's to-do box, as a person would, and approves its current step. */
    private void approve(long approval) {
        open("/approvals");
        submit(browser.findElement(By.cssSelector("#results a[href$='/approvals/" + approval + "']")));
        submit(browser.findElement(By.id("approve")));
        assertThat(text("#notice")).isEqualTo("已同意。");
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, "http://localhost:" + port, username, PASSWORD);
        assertThat(browser.findElement(By.id("current-user")).getText()).isNotBlank();
    }

    /** Clicks something that loads a new page, and waits for it. */
    private void submit(WebElement element) {
        Browser.submit(browser, element);
    }

    /** Clicks like a person who first scrolls the element into view (at once: Bootstrap makes scrolling smooth). */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private List<WebElement> copyRows() {
        return browser.findElements(By.xpath("//tr[starts-with(@id, 'copy-') and not(starts-with(@id, 'copy-request-'))]"));
    }

    private WebElement row(long copyId) {
        return browser.findElement(By.id("copy-" + copyId));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private long person(String username) {
        return jdbc.sql("select person_id from accounts where username = ?").param(username).query(Long.class).single();
    }

    private String name(String username) {
        return jdbc.sql("select p.name from accounts a join persons p on p.id = a.person_id where a.username = ?")
                .param(username).query(String.class).single();
    }
}
