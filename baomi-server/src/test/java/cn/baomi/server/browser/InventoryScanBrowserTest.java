package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.baomi.server.support.Browser;
import cn.baomi.server.support.TestDatabase;

/**
 * The demo inventory in a real browser: the secrecy clerk follows the home-page task and "scans" labels — a USB
 * scanner types the ledger number and Enter into the focused field —, each answer appears at once and the field is
 * empty and focused again for the next label.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baomi.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
class InventoryScanBrowserTest {

    @LocalServerPort
    int port;
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
    void custodianScansLabelsOneAfterAnotherIntoOneField() {
        Browser.signIn(browser, "http://localhost:" + port, "baomiban", "Baomi#2026");
        WebElement task = browser.findElement(By.cssSelector(".todos a[href*='/carriers/inventories/']"));
        assertThat(task.getText()).contains("3 份载体尚待核对");
        task.click();

        List<String> numbers = browser.findElements(By.cssSelector("#my-items code")).stream().map(WebElement::getText)
                .toList();
        assertThat(numbers).hasSize(3);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the field has the focus").isEqualTo("scan-input");

        scan(numbers.get(0));
        assertThat(feedback()).isEqualTo("已确认：" + numbers.get(0));
        assertThat(browser.findElement(By.id("scan-input")).getAttribute("value")).isEmpty();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("scan-input");
        assertThat(browser.findElement(By.cssSelector("#my-items")).getText()).contains("已确认");

        scan(numbers.get(0).toLowerCase());
        assertThat(feedback()).isEqualTo("已确认过：" + numbers.get(0));
        scan("LC-FGJ-1999-MM-99999");
        assertThat(feedback()).startsWith("未找到");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("scan-input");
    }

    /** What a USB barcode scanner does: it types the label's contents and Enter into the focused field. */
    private void scan(String text) {
        WebElement old = browser.findElement(By.id("scan-input"));
        browser.switchTo().activeElement().sendKeys(text + Keys.ENTER);
        Browser.waitUntilGone(browser, old, Duration.ofSeconds(10));
    }

    private String feedback() {
        return browser.findElement(By.id("scan-feedback")).getText();
    }
}
