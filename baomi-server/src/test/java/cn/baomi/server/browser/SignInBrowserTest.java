package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.baomi.server.support.Browser;
import cn.baomi.server.support.TestDatabase;

/** The real application in a real browser: the demo secrecy officer signs in, in Chinese, then switches to English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baomi.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
class SignInBrowserTest {

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
    void secrecyOfficerSignsInSeesChineseHomeAndSwitchesToEnglish() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录保密管理系统");
        browser.findElement(By.id("username")).sendKeys("baomiban");
        browser.findElement(By.id("password")).sendKeys("Baomi#2026");
        browser.findElement(By.id("sign-in")).click();

        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("待办事项");
        assertThat(browser.findElement(By.id("current-user")).getText()).contains("保密办");
        assertThat(browser.findElement(By.cssSelector(".sidebar")).getText()).contains("首页");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");

        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("To-dos");
        assertThat(browser.findElement(By.id("current-user")).getText()).contains("Secrecy office");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("h2")).getText()).as("the choice is remembered").isEqualTo("To-dos");

        browser.get("http://localhost:" + port + "/carriers?status=LIVE");
        Browser.submit(browser, browser.findElement(By.id("lang-zh")));
        assertThat(browser.getCurrentUrl()).as("switching keeps the list's filters").contains("status=LIVE")
                .contains("lang=zh-CN");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }
}
