package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.baomi.server.support.Browser;
import cn.baomi.server.support.TestDatabase;

/**
 * In a real browser on the real server (multipart upload, CSRF, strict CSP): the demo staff member opens their own
 * secrecy file; the secrecy office uploads a scanned annual commitment to it; a colleague without the right is told
 * the file does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baomi.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
class SecrecyFileBrowserTest {

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
    void secrecyOfficeUploadsAScannedCommitmentToAFileThePersonSees() throws Exception {
        signIn("keyuan");
        Browser.submit(browser, browser.findElement(By.linkText("我的保密档案")));
        assertThat(browser.findElement(By.id("file-title")).getText()).endsWith("的保密档案");
        String file = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("check-level")).getText()).contains("✘");
        assertThat(browser.findElements(By.id("commitment-form"))).as("the person may not add records").isEmpty();
        signOut();

        signIn("baomiban");
        browser.get(file);
        int before = browser.findElements(By.cssSelector("#commitments tbody tr")).size();
        Path scan = Files.createTempFile("承诺书", ".pdf");
        Files.writeString(scan, "%PDF-1.4\n年度保密承诺书扫描件\n%%EOF", StandardCharsets.UTF_8);
        WebElement form = browser.findElement(By.id("commitment-form"));
        form.findElement(By.name("kind")).sendKeys("年度承诺");
        setDate(form.findElement(By.name("date")), LocalDate.now());
        form.findElement(By.name("scan")).sendKeys(scan.toAbsolutePath().toString());
        Browser.submit(browser, form.findElement(By.cssSelector("button[type=submit]")));

        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("已登记到保密档案。");
        assertThat(browser.findElements(By.cssSelector("#commitments tbody tr"))).hasSize(before + 1);
        assertThat(browser.findElement(By.id("commitments")).getText()).contains("年度承诺").contains("下载");
        signOut();

        signIn("bumen");
        browser.get(file);
        assertThat(browser.findElement(By.id("file-title")).getText()).as("head of the person's department")
                .endsWith("的保密档案");
        signOut();

        signIn("jianguan");
        browser.get(file);
        assertThat(browser.findElements(By.id("file-title"))).as("the supervisor is not told the file exists").isEmpty();
        assertThat(browser.findElement(By.id("error-title")).getText()).isNotBlank();
    }

    private void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1];", input,
                date.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private void signIn(String username) {
        Browser.signIn(browser, "http://localhost:" + port, username, "Baomi#2026");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("待办事项");
    }

    private void signOut() {
        Browser.submit(browser, browser.findElement(By.id("logout")));
    }
}
