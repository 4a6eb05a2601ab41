package cn.baomi.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The classes a start needs, loaded ahead of the main thread on a second thread (docs/decisions/startup-classes.md).
 * The build records them in the order a start loads them ({@link #record}) into {@value #LIST}; at start-up
 * {@link #preloadInBackground} loads them without initialising them, so that the main thread finds most classes
 * already defined. Loading without initialising runs no static initialiser, so the order of the application's own
 * start is unchanged; a name that no longer loads is skipped. {@code -Dbaomi.preload-classes=false} turns it off.
 */
final class StartupClasses {

    /** Beside this class, so that it is packaged with the application's classes. */
    static final String LIST = "startup-classes.txt";
    static final String SWITCH = "baomi.preload-classes";
    /** {@code <class+load log>,<list to write>}: set by the build's recording run only. */
    static final String RECORD = "baomi.record-startup-classes";

    private StartupClasses() {
    }

    /** Starts the loading thread when the list is packaged and the switch is not off. */
    static void preloadInBackground(ClassLoader loader, String databaseUrl) {
        InputStream list = StartupClasses.class.getResourceAsStream(LIST);
        if (list == null || "false".equals(System.getProperty(SWITCH))) {
            return;
        }
        String skipped = skippedPrefix(databaseUrl);
        Thread thread = new Thread(() -> preload(list, loader, skipped), "startup-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** On PostgreSQL ({@code BAOMI_DB_URL}) the embedded database's classes are not needed. */
    static String skippedPrefix(String databaseUrl) {
        return databaseUrl != null && !databaseUrl.startsWith("jdbc:h2:") ? "org.h2." : null;
    }

    /** Loads every listed class that still loads, without initialising it; returns how many loaded. */
    static int preload(InputStream list, ClassLoader loader, String skippedPrefix) {
        int loaded = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                if (name.isBlank() || (skippedPrefix != null && name.startsWith(skippedPrefix))) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError gone) {
                    // Listed by an earlier build or optional here: the main thread decides what it needs.
                }
            }
        } catch (IOException unreadable) {
            // The list is an aid to speed; without it the start is only slower.
        }
        return loaded;
    }

    /**
     * The classes named in a {@code -Xlog:class+load} log, first load first, each once: those read from the
     * run-time image or from jars and directories. Classes from the shared archive are already fast, and classes
     * generated at run time (lambdas, proxies) cannot be loaded by name.
     */
    static List<String> fromClassLoadLog(Stream<String> lines) {
        // compiled here, not at class initialisation: every start initialises this class, only the build reads logs
        Pattern loadedFrom = Pattern.compile("\\[class,load\\] (\\S+) source: (\\S+)");
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(line -> {
            Matcher loaded = loadedFrom.matcher(line);
            if (loaded.find() && isReadFromAFile(loaded.group(2))) {
                names.add(loaded.group(1));
            }
        });
        return List.copyOf(names);
    }

    private static boolean isReadFromAFile(String source) {
        return source.startsWith("jrt:/") || source.startsWith("file:") || source.startsWith("jar:");
    }

    /**
     * The build's recording run: once the application is ready, asks it for its health and its sign-in page (the
     * first requests a user's start makes), then writes the classes the log shows into the list.
     */
    static void record(ConfigurableApplicationContext context, String logAndList) {
        String[] paths = logAndList.split(",", 2);
        String port = context.getEnvironment().getProperty("local.server.port");
        for (String page : new String[] { "/actuator/health", "/login" }) {
            get("http://127.0.0.1:" + port + page);
        }
        try (Stream<String> lines = Files.lines(Path.of(paths[0]), StandardCharsets.UTF_8)) {
            Path list = Path.of(paths[1]);
            Files.createDirectories(list.getParent());
            Files.write(list, fromClassLoadLog(lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("startup class list not written", e);
        }
    }

    private static void get(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("recording run: " + url + " did not answer", e);
        }
    }
}
