package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Scanned copies are kept safely: PDF, JPEG or PNG only, within the size limit, SM4-encrypted at rest. */
@BaomiTest
class ScanTest {

    static final String MARK = "CONFIDENTIAL-SCAN-CONTENT 保密承诺书 张机要";

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    Commitments commitments;
    @Autowired
    JdbcClient jdbc;

    PersonnelFixtures.Org org;
    long subject;

    @BeforeEach
    void aUnit() {
        org = fixtures.org();
        subject = org.subjectId();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static MockMultipartFile pdf(String name) {
        byte[] body = ("%PDF-1.4\n" + MARK + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
        return new MockMultipartFile("scan", name, "application/pdf", body);
    }

    @Test
    void scannedCommitmentIsEncryptedAtRest() throws Exception {
        MockMultipartFile file = pdf("上岗承诺书.pdf");
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments").file(file).param("kind", "PRE_POST")
                .param("date", LocalDate.now().toString()).with(as(org.officer()))).andExpect(status().isCreated());

        long scan = jdbc.sql("select attachment_id from personnel_commitments where person_id = ?").param(subject)
                .query(Long.class).single();
        byte[] stored = jdbc.sql("select content from personnel_attachments where id = ?").param(scan)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("CONFIDENTIAL-SCAN-CONTENT");
        assertThat(indexOf(stored, file.getBytes())).isNegative();

        byte[] back = mvc.perform(get("/api/personnel/" + subject + "/scans/" + scan).with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(file.getBytes());
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_SCAN_VIEWED' and target_id = ?")
                .param(String.valueOf(subject)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyPdfJpegOrPngScansAreKept() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("scan", "承诺书.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments").file(fake).param("kind", "PRE_POST")
                        .param("date", LocalDate.now().toString()).with(as(org.officer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scan"))
                .andExpect(jsonPath("$.detail").value("扫描件只能是 PDF、JPEG 或 PNG 文件。"));
        MockMultipartFile png = new MockMultipartFile("scan", "scan.bin", "application/octet-stream",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments").file(png).param("kind", "PRE_POST")
                .param("date", LocalDate.now().toString()).with(as(org.officer()))).andExpect(status().isCreated());
        assertThat(jdbc.sql("select file_name || ' ' || content_type from personnel_attachments where person_id = ?")
                .param(subject).query(String.class).single()).isEqualTo("scan.png image/png");
        assertThat(commitmentsOf(subject)).isEqualTo(1);
    }

    @Test
    void scansOverTheSizeLimitAreRefused() throws Exception {
        byte[] big = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 5 * 1024 * 1024 + 1);
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments")
                        .file(new MockMultipartFile("scan", "big.pdf", "application/pdf", big))
                        .param("kind", "PRE_POST").param("date", LocalDate.now().toString()).with(as(org.officer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("扫描件不能超过 5 MB。"));
        assertThat(commitmentsOf(subject)).isZero();
        assertThat(jdbc.sql("select count(*) from personnel_attachments where person_id = ?").param(subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void commitmentsAreRecordedThroughTheFacadeAndChecked() {
        PersonnelFixtures.as(org.officer(), () -> commitments.recordSigned(org.officer(), subject, CommitmentKind.EXIT,
                LocalDate.now().minusDays(3), null, null));
        assertThat(commitments.hasSigned(subject, CommitmentKind.EXIT, LocalDate.now().minusDays(3))).isTrue();
        assertThat(commitments.hasSigned(subject, CommitmentKind.EXIT, LocalDate.now().minusDays(2))).isFalse();
        assertThat(commitments.hasSigned(subject, CommitmentKind.ANNUAL, LocalDate.now().minusYears(1))).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_COMMITMENT_RECORDED' "
                + "and target_id = ?").param(String.valueOf(subject)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void commitmentCannotBeSignedInTheFuture() throws Exception {
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments").param("kind", "ANNUAL")
                        .param("date", LocalDate.now().plusDays(1).toString()).with(as(org.officer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        assertThat(commitmentsOf(subject)).isZero();
    }

    @Test
    void printableCommitmentFormNamesThePerson() throws Exception {
        mvc.perform(get("/personnel/" + subject + "/commitment-form").param("kind", "EXIT").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("涉密人员离岗离职保密承诺书")))
                .andExpect(content().string(containsString("张机要")));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_COMMITMENT_FORM_PRINTED' "
                + "and target_id = ?").param(String.valueOf(subject)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void commitmentFormIsAPdfWithTheChineseTextEmbedded() throws Exception {
        byte[] pdf = mvc.perform(get("/personnel/" + subject + "/commitment-form.pdf").param("kind", "PRE_POST")
                        .with(as(org.subject())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("涉密人员上岗保密承诺书").contains("张机要").contains("承诺人（签字）");
        }
        mvc.perform(get("/api/personnel/" + subject + "/commitment-form.pdf").with(as(org.colleague())))
                .andExpect(status().isNotFound());
    }

    private long commitmentsOf(long personId) {
        return jdbc.sql("select count(*) from personnel_commitments where person_id = ?").param(personId)
                .query(Long.class).single();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
