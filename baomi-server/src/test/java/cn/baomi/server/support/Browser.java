package cn.baomi.server.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by the system chromedriver (Selenium Manager never
 * downloads anything). Without Chromium the browser tests are skipped locally and fail under {@code CI=true}.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs chromium and chromium-driver: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("baomi-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Opens the sign-in page of the application at {@code baseUrl}, signs in and waits for the page that follows. */
    public static void signIn(ChromeDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver, driver.findElement(By.id("sign-in")));
    }

    /**
     * Clicks an element that loads a new page (a form's submit button, a link) and waits until the old page is gone,
     * so that what the test reads next is the answer, not the page it left. Scrolls the element into view first, at
     * once (Bootstrap makes scrolling smooth, and an element still moving cannot be clicked).
     */
    public static void submit(ChromeDriver driver, WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        waitUntilGone(driver, page, Duration.ofSeconds(15));
    }

    /** Waits until {@code element} is no longer in the page (the page was replaced, or htmx swapped it out). */
    public static void waitUntilGone(ChromeDriver driver, WebElement element, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> isGone(element));
    }

    /**
     * Like {@code ExpectedConditions.stalenessOf}, but Chromium 156 sometimes reports a node of the page just left as
     * "Node with given id does not belong to the document" (an inspector error, not a stale-element error): that
     * means gone as well.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
