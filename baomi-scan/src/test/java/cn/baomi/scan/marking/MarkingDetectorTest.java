package cn.baomi.scan.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.Level;
import cn.baomi.scan.text.TextUnit;
import cn.baomi.scan.text.Zone;
import cn.baomi.scan.text.ZoneSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkingDetectorTest {

    private final MarkingDetector detector = new MarkingDetector();

    /** The document's marking as the engine decides it: the highest level at or above the threshold. */
    private Level marking(String text) {
        return decide(detector.detect(TextUnit.of("", text)));
    }

    private static Level decide(List<MarkingCandidate> candidates) {
        Level best = null;
        for (MarkingCandidate c : candidates) {
            if (c.confidence() >= MarkingDetector.THRESHOLD && c.level().higherThan(best)) {
                best = c.level();
            }
        }
        return best;
    }

    private static String doc(String firstLines) {
        return firstLines + "\n关于加强办公用房管理的通知\n各处室：\n为进一步规范管理，现将有关事项通知如下。\n"
                + "一、总体要求\n二、工作安排\n三、保障措施\n";
    }

    @Test
    void markingWithYearsIsDetected() {
        assertThat(marking(doc("机密★5年"))).isEqualTo(Level.SECRET);
    }

    @Test
    void markingWithMonthsIsDetected() {
        assertThat(marking(doc("秘密★6个月"))).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void markingWithLongTermIsDetected() {
        assertThat(marking(doc("绝密★长期"))).isEqualTo(Level.TOP_SECRET);
    }

    @Test
    void markingWithDecryptionDateIsDetected() {
        assertThat(marking(doc("机密★2027年12月31日"))).isEqualTo(Level.SECRET);
    }

    @Test
    void markingWithDecryptionConditionIsDetected() {
        assertThat(marking(doc("机密★会议开始前"))).isEqualTo(Level.SECRET);
    }

    @Test
    void levelAloneOnItsLineNearTheTopIsDetected() {
        assertThat(marking(doc("000123\n秘密\n特急"))).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void copyNumberBeforeTheMarkingOnTheSameLineIsAccepted() {
        assertThat(marking(doc("000123  机密★10年"))).isEqualTo(Level.SECRET);
    }

    @Test
    void formFieldsAreDetected() {
        assertThat(marking(doc("密级：机密\n保密期限：5年"))).isEqualTo(Level.SECRET);
        assertThat(marking("文件登记表\n" + "密级\t绝密\n")).isEqualTo(Level.TOP_SECRET);
    }

    @Test
    void internalAloneAtTheTopIsDetected() {
        assertThat(marking(doc("内部"))).isEqualTo(Level.INTERNAL);
    }

    @Test
    void internalMatterKeepCarefullyIsDetected() {
        assertThat(marking(doc("内部事项 注意保管"))).isEqualTo(Level.INTERNAL);
        assertThat(marking(doc("内部资料　注意保管"))).isEqualTo(Level.INTERNAL);
    }

    @Test
    void documentMarkingIsTheHighestLevelFound() {
        String compilation = doc("内部") + "\n机密★5年\n附件一\n" + "\n秘密★1年\n附件二\n";
        assertThat(marking(compilation)).isEqualTo(Level.SECRET);
    }

    @Test
    void markingInsideACompilationFarFromTheTopIsDetected() {
        StringBuilder sb = new StringBuilder("某某单位文件汇编\n");
        for (int i = 0; i < 200; i++) {
            sb.append("第").append(i).append("条 一般性工作规定，按照有关要求执行。\n");
        }
        sb.append("机密★10年\n关于某某工作的通知\n");
        assertThat(marking(sb.toString())).isEqualTo(Level.SECRET);
    }

    @Test
    void markingInPageFooterZoneIsDetected() {
        String text = "正文第一段\n正文第二段\n正文第三段\n正文第四段\n正文第五段\n正文第六段\n秘密\n";
        int start = text.indexOf("秘密");
        TextUnit unit = new TextUnit("", "", text, List.of(new ZoneSpan(Zone.FOOTER, start, start + 2)));
        assertThat(decide(detector.detect(unit))).isEqualTo(Level.CONFIDENTIAL);
        assertThat(decide(detector.detect(TextUnit.of("", text)))).isNull();
    }

    @Test
    void markingInFirstTableCellIsDetected() {
        String text = "一\n二\n三\n四\n五\n六\n机密\t项目名称\n";
        int start = text.indexOf("机密");
        TextUnit unit = new TextUnit("", "", text, List.of(new ZoneSpan(Zone.FIRST_CELL, start, start + 2)));
        assertThat(decide(detector.detect(unit))).isEqualTo(Level.SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"机 密 ★ 5 年", "机-密★5年", "机·密★５年", "机密 ★ ５ 年", "机．密★5年"})
    void markingWithSpacesDashesOrFullWidthIsDetected(String form) {
        assertThat(marking(doc(form))).isEqualTo(Level.SECRET);
    }

    @Test
    void markingWithTraditionalCharactersIsDetected() {
        assertThat(marking(doc("機密★5年"))).isEqualTo(Level.SECRET);
        assertThat(marking(doc("絕密★長期"))).isEqualTo(Level.TOP_SECRET);
        assertThat(marking(doc("祕密★6個月"))).isEqualTo(Level.CONFIDENTIAL);
        assertThat(marking(doc("內部"))).isEqualTo(Level.INTERNAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"机密☆5年", "机密*5年", "机密＊5年", "机密✩5年", "机密⭐5年"})
    void markingWithStarSubstitutesIsDetected(String form) {
        assertThat(marking(doc(form))).isEqualTo(Level.SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"机密女1年", "机密大5年", "秘密文6个月"})
    void markingWithOcrConfusedStarIsDetected(String form) {
        assertThat(marking(doc(form))).isNotNull();
    }

    @Test
    void markingInFileNameIsDetected() {
        assertThat(decide(detector.detectFileName("（机密）关于某项目的报告.docx"))).isEqualTo(Level.SECRET);
        assertThat(decide(detector.detectFileName("/tmp/x/【绝密】方案.pdf"))).isEqualTo(Level.TOP_SECRET);
        assertThat(decide(detector.detectFileName("秘密★1年_会议纪要.doc"))).isEqualTo(Level.CONFIDENTIAL);
        assertThat(decide(detector.detectFileName("机密 工作总结.xlsx"))).isEqualTo(Level.SECRET);
    }

    @Test
    void fileNameThatMerelyUsesTheWordsIsNotAMarking() {
        assertThat(decide(detector.detectFileName("机密文件管理办法.docx"))).isNull();
        assertThat(decide(detector.detectFileName("关于保守国家秘密的学习材料.pdf"))).isNull();
        assertThat(decide(detector.detectFileName("内部控制制度.docx"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "全体干部职工都要增强保守国家秘密的意识。",
        "公司应当采取措施保护商业秘密。",
        "创新是我们的秘密武器。",
        "信息安全包括机密性、完整性和可用性。",
        "内部控制制度是企业管理的重要内容。",
        "本单位共有1项机密级、2项秘密级国家秘密。",
        "密级标志的写法是在密级后标注保密期限，例如“机密★5年”，应当标注在首页左上角。",
        "举例来说，标注为机密★5年的文件，保密期限为五年。",
        "密级：非密",
        "公开",
        "★严禁在微信朋友圈上传国家秘密、工作秘密或敏感信息。",
        "机密级文件应当存放在保密柜中。",
        "内部资料不得带离办公区域。"
    })
    void proseAboutSecretsIsNotAMarking(String line) {
        assertThat(marking(line + "\n" + line + "\n")).isNull();
        assertThat(marking(doc(line))).isNull();
    }

    @Test
    void spacedOutTitleAtTheTopIsNotAMarking() {
        assertThat(marking(doc("机 密 文 件 管 理 规 定"))).isNull();
        assertThat(marking(doc("内 部 控 制 制 度"))).isNull();
    }

    @Test
    void definitionOfALevelAtTheTopIsNotAMarking() {
        assertThat(marking(doc("机密，是指泄露会使国家安全和利益遭受严重损害的国家秘密。"))).isNull();
        assertThat(marking(doc("秘密：指一般的国家秘密"))).isNull();
    }

    @Test
    void quotedExampleAfterAColonAtTheTopIsNotAMarking() {
        assertThat(marking(doc("示例： 机密★5年"))).isNull();
    }

    @Test
    void markingSetApartInAHeaderLineIsDetected() {
        assertThat(marking(doc("某某市人民政府办公室    机密★1年"))).isEqualTo(Level.SECRET);
        assertThat(marking(doc("【机密】关于某项目的报告"))).isEqualTo(Level.SECRET);
        assertThat(marking(doc("机密  某某局文件"))).isEqualTo(Level.SECRET);
    }

    @Test
    void nonClassifiedMarkingsAreNotMarkings() {
        assertThat(marking(doc("非密"))).isNull();
        assertThat(marking(doc("公开"))).isNull();
        assertThat(marking(doc("密级：公开"))).isNull();
    }

    @Test
    void levelAloneDeepInTheBodyIsNotEnough() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("第").append(i).append("段普通文字。\n");
        }
        sb.append("秘密\n");
        for (int i = 0; i < 30; i++) {
            sb.append("第").append(i).append("段普通文字。\n");
        }
        assertThat(marking(sb.toString())).isNull();
    }

    @Test
    void evidencePointsBackIntoTheOriginalText() {
        String text = "  机 密 ★ 5 年\n正文";
        MarkingCandidate c = detector.detect(TextUnit.of("", text)).get(0);
        assertThat(text.substring(c.start(), c.end())).isEqualTo("机 密 ★ 5 年");
        assertThat(c.form()).isEqualTo("STAR_DURATION");
    }

    @Test
    void seedDocumentsAboutSecrecyWorkCarryNoMarking() throws IOException {
        Path seeds = Path.of("src/test/resources/seeds");
        try (var files = Files.list(seeds)) {
            List<Path> all = files.toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(5);
            for (Path p : all) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                assertThat(marking(text)).as(p.toString()).isNull();
            }
        }
    }
}
