package cn.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a user runs it ({@code java -jar baomi-server.jar} on an empty directory): it starts with the
 * ahead-of-time processed context, creates the three administrators, becomes ready and serves the Chinese
 * sign-in page. The other tests run the application inside the test JVM without AOT; this one covers the
 * production start-up path (docs/decisions/startup-aot.md).
 */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void thePackagedJarStartsAheadOfTimeAndBecomesReady() throws Exception {
        int port = freePort();
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("baomi.jar")).toAbsolutePath().toString(), "--server.port=" + port)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String health = waitForReady(http, port, server, log);
            assertThat(health).contains("UP");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("Starting AOT-processed BaomiApplication");
            assertThat(output).contains("sysadmin").contains("secadmin").contains("auditor");
            assertThat(Files.exists(dir.resolve("data"))).isTrue();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("登录");
            signInWithTheOneTimePasswordPrinted(http, port, output, login.body());
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The build recorded the classes a start loads, up to the sign-in page, for the jar to load ahead (StartupClasses). */
    @Test
    void theJarCarriesTheClassesAStartLoadsInOrder() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("baomi.jar"))) {
            JarEntry entry = jar.getJarEntry("BOOT-INF/classes/cn/baomi/server/" + StartupClasses.LIST);
            assertThat(entry).as("the start-up class list in the jar").isNotNull();
            List<String> names = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(names).hasSizeGreaterThan(5_000).doesNotHaveDuplicates()
                    .contains(BaomiApplication.class.getName(), "org.flywaydb.core.Flyway", "org.thymeleaf.TemplateEngine")
                    .as("no class generated at run time").noneMatch(name -> name.contains("/") || name.startsWith("jdk.proxy"));
            assertThat(names.indexOf(BaomiApplication.class.getName()))
                    .as("first loaded, first listed").isLessThan(names.indexOf("org.flywaydb.core.Flyway"));
        }
    }

    /** The one-time password printed on the console is the one stored: sign-in leads to the forced change. */
    private static void signInWithTheOneTimePasswordPrinted(HttpClient http, int port, String output, String loginPage)
            throws Exception {
        Matcher printed = Pattern.compile("^\\s+auditor\\s+\\S+\\s+(\\S+)\\s*$", Pattern.MULTILINE).matcher(output);
        assertThat(printed.find()).as("auditor's one-time password in the console output").isTrue();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("CSRF token in the sign-in form").isTrue();
        String form = "username=auditor&password=" + URLEncoder.encode(printed.group(1), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/account/password");
    }

    private static String waitForReady(HttpClient http, int port, Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server exited early:%n%s", tail(log)).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 4 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String all = Files.readString(log, StandardCharsets.UTF_8);
        return all.substring(Math.max(0, all.length() - 4000));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
