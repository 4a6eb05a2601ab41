package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;

/**
 * Printed forms (issue 4 items 6 and 7): the ledger and the destruction list carry their Chinese text in an embedded
 * font, labels carry a QR code that decodes to the copy's ledger number and never the title; all audited.
 */
@BaomiTest
class LedgerPrintTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CurrentUser officer;
    String title;
    long carrier;
    List<Long> copies;

    @BeforeEach
    void aCarrierInThreeCopies() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        officer = cn.baomi.server.support.TestUsers.user(org.unit(),
                fixtures.personIn(org, null, null, ClearanceLevel.CORE), Role.SECRECY_OFFICER);
        title = CarrierFixtures.uniqueTitle("关于保密检查工作的通知");
        carrier = fixtures.carrier(org, SecretLevel.SECRET, title,
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 3);
        copies = CarrierFixtures.copyIds(jdbc, carrier);
    }

    @Test
    void printedLedgerEmbedsTheChineseFont() throws Exception {
        byte[] pdf = mvc.perform(get("/carriers/ledger.pdf").param("q", title).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("涉密载体台账", title, "机密", "在册");
            for (String number : ledgerNumbers()) {
                assertThat(text).contains(number);
            }
            assertEmbeddedSubsets(document);
        }
        assertThat(audited("CARRIER_PRINTED")).isEqualTo(1);
    }

    @Test
    void printedLedgerShowsOnlyWhatTheViewerMaySee() throws Exception {
        CurrentUser general = org.as(org.inside().get(ClearanceLevel.GENERAL), Role.STAFF);
        byte[] pdf = mvc.perform(get("/api/carriers/ledger.pdf").param("q", title).with(as(general)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("涉密载体台账").doesNotContain(title);
        }
    }

    @Test
    void destructionListIsPrintedWithSignatureLines() throws Exception {
        mvc.perform(post("/api/carriers/destruction-lists").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyIds\":[%d,%d],\"reason\":\"超过保管期限\"}".formatted(copies.get(0), copies.get(1))))
                .andExpect(status().isCreated());
        long list = jdbc.sql("select max(id) from destruction_lists where unit_id = ?").param(org.unit())
                .query(Long.class).single();
        byte[] pdf = mvc.perform(get("/carriers/destruction/{id}/print.pdf", list).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("涉密载体销毁清单", "超过保管期限", title, ledgerNumbers().get(0),
                    ledgerNumbers().get(1), "销毁人", "监销人", "移交人", "共 2 份").doesNotContain(ledgerNumbers().get(2));
            assertEmbeddedSubsets(document);
        }
        CurrentUser staff = org.as(org.custodian(), Role.STAFF);
        mvc.perform(get("/carriers/destruction/{id}/print.pdf", list).with(as(staff))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'DESTRUCTION_PRINTED' and target_id = ?")
                .param(String.valueOf(list)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void labelQrCodesDecodeToTheLedgerNumbers() throws Exception {
        byte[] pdf = mvc.perform(get("/carriers/{id}/labels.pdf", carrier).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(decodedQrCodes(document)).containsExactlyInAnyOrderElementsOf(ledgerNumbers());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(ledgerNumbers().get(2), "份号 000003", "机密")
                    .as("a label never shows the title").doesNotContain(title);
            assertEmbeddedSubsets(document);
        }
        assertThat(audited("LABELS_PRINTED")).isEqualTo(1);
    }

    @Test
    void labelsOfASelection() throws Exception {
        byte[] pdf = mvc.perform(get("/api/carriers/labels.pdf")
                        .param("copyIds", copies.get(0) + "," + copies.get(2)).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(decodedQrCodes(document)).containsExactlyInAnyOrder(ledgerNumbers().get(0), ledgerNumbers().get(2));
        }
    }

    @Test
    void theLedgerListLetsTheSecrecyOfficeTickCopiesAndPrintTheirLabels() throws Exception {
        String office = mvc.perform(get("/carriers").param("q", title).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(office).contains("id=\"labels-form\"").contains("action=\"/carriers/labels.pdf\"")
                .contains("打印所选标签").contains("data-check-all=\"copyIds\"");
        for (long copy : copies) {
            assertThat(office).contains("id=\"label-" + copy + "\"");
        }
        assertThat(office.split("form=\"labels-form\"", -1).length - 1).isEqualTo(copies.size());
        String custodian = mvc.perform(get("/carriers").with(as(org.as(org.custodian(), Role.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(custodian).doesNotContain("labels-form").doesNotContain("打印所选标签");
    }

    @Test
    void labelsForTheCopiesTickedOnTheLedgerList() throws Exception {
        byte[] pdf = mvc.perform(get("/carriers/labels.pdf").param("copyIds", String.valueOf(copies.get(1)))
                        .param("copyIds", String.valueOf(copies.get(2))).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(decodedQrCodes(document)).containsExactlyInAnyOrder(ledgerNumbers().get(1), ledgerNumbers().get(2));
            assertThat(new PDFTextStripper().getText(document)).doesNotContain(title);
        }
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'LABELS_PRINTED' and actor = ?")
                .param(officer.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void printingLabelsWithNothingTickedSaysWhatToDo() throws Exception {
        mvc.perform(get("/carriers/labels.pdf").with(as(officer))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/carriers"))
                .andExpect(flash()
                        .attribute("problem", "请先在台账列表中勾选要打印标签的载体"));
        mvc.perform(get("/api/carriers/labels.pdf").with(as(officer))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field")
                        .value("copyIds"));
    }

    @Test
    void onlyTheSecrecyOfficeKeepingTheCopiesPrintsTheTickedLabels() throws Exception {
        CurrentUser custodian = org.as(org.custodian(), Role.STAFF);
        mvc.perform(get("/carriers/labels.pdf").param("copyIds", String.valueOf(copies.get(0))).with(as(custodian)))
                .andExpect(status().isForbidden());
        CurrentUser otherOffice = cn.baomi.server.support.TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/carriers/labels.pdf").param("copyIds", String.valueOf(copies.get(0))).with(as(otherOffice)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDetailPageOffersLabelsToTheSecrecyOfficeOnly() throws Exception {
        String office = mvc.perform(get("/carriers/{id}", carrier).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(office).contains("/carriers/" + carrier + "/labels.pdf");
        String custodian = mvc.perform(get("/carriers/{id}", carrier).with(as(org.as(org.custodian(), Role.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(custodian).doesNotContain("labels.pdf");
    }

    @Test
    void onlyTheSecrecyOfficePrintsLabels() throws Exception {
        CurrentUser custodian = org.as(org.custodian(), Role.STAFF);
        mvc.perform(get("/carriers/{id}/labels.pdf", carrier).with(as(custodian))).andExpect(status().isForbidden());
        mvc.perform(get("/api/carriers/{id}/labels.pdf", carrier).with(as(custodian))).andExpect(status().isForbidden());
        CurrentUser otherOffice = cn.baomi.server.support.TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/carriers/{id}/labels.pdf", carrier).with(as(otherOffice))).andExpect(status().isNotFound());
    }

    private List<String> ledgerNumbers() {
        return jdbc.sql("select ledger_number from carrier_copies where carrier_id = ? order by copy_number")
                .param(carrier).query(String.class).list();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ? and actor = ?")
                .params(action, officer.username()).query(Long.class).single();
    }

    /** Every font of every page is a subset (name "ABCDEF+…") embedded as a TrueType font file. */
    private static void assertEmbeddedSubsets(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
            assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
        });
    }

    /** The texts of all QR codes on the pages, as a USB scanner would read them. */
    private static List<String> decodedQrCodes(PDDocument document) throws Exception {
        List<String> texts = new ArrayList<>();
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            BufferedImage image = renderer.renderImageWithDPI(i, 150, ImageType.RGB);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
            texts.addAll(java.util.Arrays.stream(results).map(Result::getText).collect(Collectors.toList()));
        }
        return texts;
    }
}
