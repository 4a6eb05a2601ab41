package cn.baomi.scan.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternScannerTest {

    private final PatternScanner scanner = new PatternScanner();

    private List<String> found(String rule, String text) {
        return scanner.scan(text).stream().filter(h -> h.rule().equals(rule))
                .map(h -> text.substring(h.start(), h.end())).toList();
    }

    @Test
    void residentIdWithValidCheckDigitIsFound() {
        assertThat(found("resident-id", "身份证号：11010519491231002X，电话")).containsExactly("11010519491231002X");
        assertThat(found("resident-id", "号码110101199003074477。")).containsExactly("110101199003074477");
    }

    @Test
    void residentIdWithWrongCheckDigitIsIgnored() {
        assertThat(found("resident-id", "号码110101199003074478。")).isEmpty();
        assertThat(found("resident-id", "订单号110105194913310021")).isEmpty();
    }

    @Test
    void residentIdInsideALongerNumberIsIgnored() {
        assertThat(found("resident-id", "流水1101011990030744770")).isEmpty();
    }

    @Test
    void mobileNumbersAreFound() {
        assertThat(found("mobile", "联系人张三 13800138000；备用 +86 139-1234-5678")).containsExactly("13800138000",
                "139-1234-5678");
    }

    @Test
    void numbersThatAreNotMobilesAreIgnored() {
        assertThat(found("mobile", "编号 12800138000、座机 010-12345678、23800138000")).isEmpty();
    }

    @Test
    void officialDocumentNumbersAreFound() {
        assertThat(found("doc-number", "根据国办发〔2024〕12号文件精神")).containsExactly("根据国办发〔2024〕12号");
        assertThat(found("doc-number", "见京政办函[2023]5号")).hasSize(1);
        assertThat(found("doc-number", "OCR 读作 X发【2024]12号")).hasSize(1);
    }

    @Test
    void roomNumbersAreNotDocumentNumbers() {
        assertThat(found("doc-number", "会议在3号楼12号会议室召开")).isEmpty();
    }

    @Test
    void highPrecisionCoordinatesAreFound() {
        assertThat(found("coordinate", "位置 39.904211, 116.407395 附近")).containsExactly("39.904211, 116.407395");
        assertThat(found("coordinate", "北纬39°54′15.2″")).hasSize(1);
    }

    @Test
    void lowPrecisionNumbersAreNotCoordinates() {
        assertThat(found("coordinate", "增长 39.9, 116.4 个百分点；圆周率 3.1415926")).isEmpty();
        assertThat(found("coordinate", "seq 0 0.000001 0.000003；输出 1.000000, 2.000000")).isEmpty();
        assertThat(found("coordinate", "N39.904211 E116.407395")).hasSize(1);
    }

    @Test
    void militaryUnitDesignationsAreFound() {
        assertThat(found("military-unit", "由31008部队负责")).containsExactly("31008部队");
        assertThat(found("military-unit", "由3100部队负责，另有123456部队")).isEmpty();
    }

    @Test
    void mobileNumbersInTheirUsualWritingsAreFound() {
        assertThat(found("mobile", "电话：13800138000。")).containsExactly("13800138000");
        assertThat(found("mobile", "Tel:13800138000")).containsExactly("13800138000");
        assertThat(found("mobile", "(+86)13800138000")).containsExactly("13800138000");
        assertThat(found("mobile", "+86-13800138000")).containsExactly("13800138000");
        assertThat(found("mobile", "+86 138 0013 8000")).containsExactly("138 0013 8000");
        assertThat(found("mobile", "手机１３８００１３８０００，")).containsExactly("１３８００１３８０００");
        assertThat(found("mobile", "2024 13800138000")).containsExactly("13800138000");
    }

    @Test
    void mobileShapedDigitsInsideLongerDigitRunsAreNotMobiles() {
        assertThat(found("mobile", "流水号2024113800138000123")).isEmpty();
        assertThat(found("mobile", "订单 13800138000123")).isEmpty();
        assertThat(found("mobile", "身份证 110101199003074477")).isEmpty();
        assertThat(found("mobile", "卡号 6222 0213 8001 3800 0")).isEmpty();
        assertThat(found("mobile", "时间戳 1380013800")).isEmpty();
    }

    @Test
    void mobileShapedDigitsGluedToLettersOrDecimalsAreNotMobiles() {
        assertThat(found("mobile", "设备 SN13800138000")).isEmpty();
        assertThat(found("mobile", "编码 13800138000abc")).isEmpty();
        assertThat(found("mobile", "金额 13800138000.50 元")).isEmpty();
        assertThat(found("mobile", "坐标 116.13800138000")).isEmpty();
    }

    @Test
    void mobileShapedPartsOfDocumentAndSerialNumbersAreNotMobiles() {
        assertThat(found("mobile", "合同编号 2024-13800138000")).isEmpty();
        assertThat(found("mobile", "批次 13800138000-01")).isEmpty();
        assertThat(found("mobile", "登记第13800138000号")).isEmpty();
        assertThat(found("mobile", "京政发〔2024〕13800138000号")).isEmpty();
    }

    @Test
    void datesAndTimesAreNotMobiles() {
        assertThat(found("mobile", "2024年11月13日 13:80 20241113 2024-11-13 13800 138001")).isEmpty();
        assertThat(found("mobile", "日期 20241113 16:00 起")).isEmpty();
    }
}
