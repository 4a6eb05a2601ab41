package cn.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The start-up class list: how the build reads it from the class-load log, and how a start loads it. */
class StartupClassesTest {

    @Test
    void listedClassesAreLoadedWithoutRunningTheirStaticInitialisers() {
        String list = String.join("\n", Initialised.class.getName(), "", "cn.baomi.server.NoSuchClassAnyMore",
                String.class.getName());

        int loaded = StartupClasses.preload(stream(list), getClass().getClassLoader(), null);

        assertThat(loaded).as("the fixture and String; the vanished name is skipped").isEqualTo(2);
        assertThat(InitialiserRan.value).as("the fixture's static initialiser has not run").isFalse();
    }

    @Test
    void onPostgreSqlTheEmbeddedDatabaseClassesAreNotLoaded() {
        String list = "org.h2.Driver\n" + Initialised.class.getName();

        assertThat(StartupClasses.skippedPrefix("jdbc:postgresql://127.0.0.1:5432/baomi")).isEqualTo("org.h2.");
        assertThat(StartupClasses.skippedPrefix("jdbc:h2:file:./data/baomi")).isNull();
        assertThat(StartupClasses.skippedPrefix(null)).as("the default database is H2").isNull();
        assertThat(StartupClasses.preload(stream(list), getClass().getClassLoader(), "org.h2.")).isEqualTo(1);
    }

    @Test
    void theListHoldsTheClassesReadFromFilesInTheOrderOfTheirFirstLoad() {
        Stream<String> log = Stream.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.120s][info][class,load] java.util.zip.Inflater source: jrt:/java.base",
                "[0.300s][info][class,load] cn.baomi.server.BaomiApplication source: file:/work/baomi-server/target/classes/",
                "[0.310s][info][class,load] org.h2.Driver source: jar:nested:/opt/baomi-server.jar/!BOOT-INF/lib/h2.jar!/",
                "[0.320s][info][class,load] org.springframework.Foo$$Lambda$35/0x0000000800c1 source: org.springframework.Foo",
                "[0.330s][info][class,load] jdk.proxy2.$Proxy12 source: __dynamic_proxy__",
                "[0.340s][info][class,load] java.lang.invoke.LambdaForm$MH/0x000000080 source: __JVM_LookupDefineClass__",
                "[0.350s][info][class,load] java.util.zip.Inflater source: jrt:/java.base",
                "[0.360s][info][gc] not a class load line");

        assertThat(StartupClasses.fromClassLoadLog(log)).containsExactly("java.util.zip.Inflater",
                "cn.baomi.server.BaomiApplication", "org.h2.Driver");
    }

    private static ByteArrayInputStream stream(String list) {
        return new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8));
    }

    /** Loaded by the tests; its initialiser would mark {@link InitialiserRan}. */
    static final class Initialised {
        static {
            InitialiserRan.value = true;
        }
    }

    static final class InitialiserRan {
        static boolean value;
    }
}
