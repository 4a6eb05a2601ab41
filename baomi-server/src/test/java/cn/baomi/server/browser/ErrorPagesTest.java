package cn.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.baomi.server.support.TestDatabase;

/** Error pages through the real server: in the user's language, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baomi.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    HttpClient client;

    @BeforeEach
    void signInAsStaff() throws Exception {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = get("/login").body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=keyuan&password=" + URLEncoder.encode("Baomi#2026", StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void forbiddenPageIsInChineseAndNamesTheAudit() throws Exception {
        HttpResponse<String> response = get("/admin/accounts");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("无权访问").contains("审计日志").doesNotContain("Exception");
    }

    @Test
    void unknownPageIsInTheChosenLanguageWithoutStackTrace() throws Exception {
        HttpResponse<String> chinese = get("/no-such-page");
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.body()).contains("页面不存在").doesNotContain("Exception").doesNotContain("at cn.baomi");
        HttpResponse<String> english = get("/no-such-page?lang=en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Not found").doesNotContain("Exception");
    }

    /** A record one may not open looks like any missing page: still signed in, with the top bar and the menu. */
    @Test
    void aMissingRecordKeepsTheUserAndTheMenuOnThePage() throws Exception {
        HttpResponse<String> missing = get("/carriers/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在").contains("id=\"current-user\"").contains("class=\"sidebar\"")
                .doesNotContain("Exception");
    }

    @Test
    void aBadFilterValueIsAnErrorPageWithTheApplicationsTitle() throws Exception {
        HttpResponse<String> bad = get("/carriers?status=NOPE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("请求无法处理 - 保密管理系统").contains("筛选条件").doesNotContain("Exception");
    }

    @Test
    void routingErrorsAreProblemsForApiClients() throws Exception {
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(uri("/no-such-page"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("\"status\":404").contains("记录不存在或无权查看");
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Accept", "application/json").method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isIn(403, 405);
        assertThat(wrongMethod.body()).doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void onlyTheHealthEndpointOfActuatorIsExposed() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/loggers"}) {
            assertThat(get(hidden).statusCode()).as(hidden).isIn(403, 404);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
