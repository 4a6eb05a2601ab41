package cn.baomi.scan.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.text.NormalizedText;
import cn.baomi.scan.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private record Hit(String original, String term, String category) {
    }

    private static List<Hit> hits(KeywordMatcher m, String text) {
        NormalizedText nt = Normalizer.normalize(text);
        List<Hit> out = new ArrayList<>();
        m.match(nt, (s, e, term) -> out.add(new Hit(text.substring(nt.originalOffset(s), nt.originalEnd(e)),
                term.text(), term.category())));
        return out;
    }

    @Test
    void dictionaryLinesCarryOptionalCategoryAndWeight() {
        Dictionary d = Dictionary.parse("# 注释\n核潜艇\t装备\t5\n导弹\n\n  \n雷达\t装备\n", "默认");
        assertThat(d.terms()).containsExactly(new Term("核潜艇", "装备", 5), new Term("导弹", "默认", 1),
                new Term("雷达", "装备", 1));
    }

    @Test
    void overlappingMatchesAreAllReported() {
        KeywordMatcher m = KeywordMatcher.build(List.of(Dictionary.parse("导弹\n导弹部队\n部队\n", "d")));
        assertThat(hits(m, "某导弹部队驻地")).extracting(Hit::term)
                .containsExactlyInAnyOrder("导弹", "导弹部队", "部队");
    }

    @Test
    void keywordsAreNormalisedLikeMarkings() {
        KeywordMatcher m = KeywordMatcher.build(List.of(Dictionary.parse("機密項目\nABC-12\n", "d")));
        List<Hit> hits = hits(m, "这是 机 密 项 目 的内容，型号 ａｂｃ１２。");
        assertThat(hits).extracting(Hit::original).containsExactly("机 密 项 目", "ａｂｃ１２");
    }

    @Test
    void everyHitIsReportedWithItsCategory() {
        KeywordMatcher m = KeywordMatcher.build(List.of(Dictionary.parse("演习\t军事\n", "d"),
                Dictionary.parse("演习\t活动\n", "e")));
        assertThat(hits(m, "联合演习，再次演习")).extracting(Hit::category)
                .containsExactly("军事", "活动", "军事", "活动");
    }

    @Test
    void tensOfThousandsOfTermsBuildAndMatch() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            sb.append("词").append(i).append('\n');
        }
        KeywordMatcher m = KeywordMatcher.build(List.of(Dictionary.parse(sb.toString(), "big")));
        assertThat(m.size()).isEqualTo(30_000);
        assertThat(hits(m, "前缀词29999后缀")).extracting(Hit::term)
                .containsExactlyInAnyOrder("词2", "词29", "词299", "词2999", "词29999");
    }

    @Test
    void emptyDictionaryMatchesNothing() {
        KeywordMatcher m = KeywordMatcher.build(List.of());
        assertThat(hits(m, "任何文字")).isEmpty();
    }
}
