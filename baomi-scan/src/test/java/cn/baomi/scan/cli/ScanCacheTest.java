package cn.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCacheTest {

    @TempDir
    Path dir;

    private static ScanResult clean(String path) {
        return new ScanResult(path, null, 0, List.of(), null, 10);
    }

    @Test
    void cacheIsBoundedAndKeepsTheEntriesUsedInThisRunFirst() throws IOException {
        Path file = dir.resolve("c.tsv");
        ScanCache first = ScanCache.load(file, "fp", 3, 1 << 20);
        for (int i = 0; i < 5; i++) {
            first.put("/old/" + i, 10, 1, "h" + i, clean("/old/" + i));
        }
        first.save();
        assertThat(ScanCache.load(file, "fp").size()).isEqualTo(3);

        ScanCache second = ScanCache.load(file, "fp", 3, 1 << 20);
        second.put("/new/a", 10, 1, "ha", clean("/new/a"));
        second.put("/new/b", 10, 1, "hb", clean("/new/b"));
        second.save();
        ScanCache third = ScanCache.load(file, "fp");
        assertThat(third.size()).isEqualTo(3);
        assertThat(third.lookup("/new/a", "ha", 10, 1, "a")).isNotNull();
        assertThat(third.lookup("/new/b", "hb", 10, 1, "b")).isNotNull();
    }

    @Test
    void cacheIsBoundedInBytes() throws IOException {
        Path file = dir.resolve("c.tsv");
        ScanCache cache = ScanCache.load(file, "fp", 1000, 1000);
        for (int i = 0; i < 50; i++) {
            cache.put("/f/" + i, 10, 1, "h", clean("/f/" + i));
        }
        cache.save();
        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
    }

    @Test
    void resultsWithErrorsAndEntriesOfOtherRulesAreNotReused() throws IOException {
        Path file = dir.resolve("c.tsv");
        ScanCache cache = ScanCache.load(file, "rules-1");
        cache.put("/a", 10, 1, "h", ScanResult.failed("/a", "文件已加密", 10));
        cache.put("/b", 10, 1, "h", clean("/b"));
        cache.save();
        assertThat(ScanCache.load(file, "rules-1").lookup("/a", "h", 10, 1, "a")).isNull();
        assertThat(ScanCache.load(file, "rules-1").lookup("/b", "h", 10, 1, "b")).isNotNull();
        assertThat(ScanCache.load(file, "rules-2").lookup("/b", "h", 10, 1, "b")).isNull();
    }

    @Test
    void damagedLinesAreIgnored() throws IOException {
        Path file = dir.resolve("c.tsv");
        Files.writeString(file, "fp\t10\tx\th\t\"/a\"\t{\nfp\t10\t1\th\t\"/b\"\tnot json\n");
        ScanCache cache = ScanCache.load(file, "fp");
        assertThat(cache.lookup("/a", "h", 10, 1, "a")).isNull();
        assertThat(cache.lookup("/b", "h", 10, 1, "b")).isNull();
    }
}
