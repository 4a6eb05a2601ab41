package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;

/** Importing a ledger from .xlsx (issue 4 item 7): all or nothing, every bad row explained, hostile files refused. */
@BaomiTest
class LedgerImportTest {

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
    String custodian;

    @BeforeEach
    void organisation() {
        org = new CarrierFixtures(organization, carriers).org();
        officer = org.officer();
        custodian = jdbc.sql("select name from persons where id = ?").param(org.custodian()).query(String.class).single();
    }

    @Test
    void importIsAllOrNothing() throws Exception {
        String batch = CarrierFixtures.uniqueTitle("导入");
        List<List<String>> rows = new ArrayList<>(List.of(
                Workbooks.row(batch + "-甲", "机密", "5年", "2", custodian, "本单位"),
                Workbooks.row(batch + "-乙", "秘密", "", "1", custodian, "本单位")));
        rows.add(Workbooks.row(batch + "-丙", "绝秘", "长期", "1", custodian, "本单位"));

        upload(officer, Workbooks.ledger(rows)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:baomi:problem:import-refused"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("密级"));
        assertThat(carriersTitled(batch)).as("one bad row imports nothing").isZero();
        assertThat(copiesTitled(batch)).isZero();
        assertThat(audited("CARRIER_IMPORT_REFUSED")).isEqualTo(1);

        rows.set(2, Workbooks.row(batch + "-丙", "绝密", "长期", "1", custodian, "本单位"));
        upload(officer, Workbooks.ledger(rows)).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(true)).andExpect(jsonPath("$.carriers").value(3))
                .andExpect(jsonPath("$.copies").value(4));
        assertThat(carriersTitled(batch)).isEqualTo(3);
        assertThat(copiesTitled(batch)).isEqualTo(4);
        assertThat(audited("CARRIER_IMPORTED")).isEqualTo(1);
        assertThat(jdbc.sql("select duration_kind || ':' || coalesce(cast(duration_amount as varchar), '-') from carriers "
                        + "where title = ?").param(batch + "-甲").query(String.class).single()).isEqualTo("YEARS:5");
    }

    @Test
    void importReportsEveryBadRow() throws Exception {
        String batch = CarrierFixtures.uniqueTitle("逐行");
        long general = org.inside().get(ClearanceLevel.GENERAL);
        String generalName = jdbc.sql("select name from persons where id = ?").param(general).query(String.class).single();
        List<List<String>> rows = List.of(
                Workbooks.row(batch + "-1", "机密", "5年", "1", custodian, "本单位"),
                List.of("", "", "木板", "机密", "五年", "0", "查无此人", "", "机要室", "本单位制作", "", "", "本单位", ""),
                Workbooks.row(batch + "-3", "秘密", "", "1", custodian, "本单位"),
                Workbooks.row(batch + "-4", "秘密", "15年", "1", custodian, "本单位"),
                Workbooks.row(batch + "-5", "机密", "", "1", generalName, "本单位"));

        String body = upload(officer, Workbooks.ledger(rows)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> errors = errors(body);
        Map<Object, List<Object>> byRow = errors.stream().collect(Collectors.groupingBy(e -> e.get("row"),
                Collectors.mapping(e -> e.get("column"), Collectors.toList())));
        assertThat(byRow.keySet()).as("rows 3, 5 and 6 are bad, rows 2 and 4 are fine").containsExactlyInAnyOrder(3, 5, 6);
        assertThat(byRow.get(3)).as("every bad cell of the row").containsExactlyInAnyOrder("标题", "载体类型", "保密期限",
                "份数", "保管人");
        assertThat(byRow.get(5)).as("a rule of registration: 秘密 lasts at most 10 years").containsExactly("保密期限");
        assertThat(byRow.get(6)).as("a rule of registration: the custodian is not cleared").containsExactly("保管人");
        Map<String, Object> type = errors.stream().filter(e -> "载体类型".equals(e.get("column"))).findFirst().orElseThrow();
        assertThat(type.get("value")).isEqualTo("木板");
        assertThat(type.get("message")).isEqualTo("无法识别");
        assertThat((String) type.get("allowed")).contains("纸介质", "光介质", "电介质");
        Map<String, Object> copies = errors.stream().filter(e -> "份数".equals(e.get("column"))).findFirst().orElseThrow();
        assertThat(copies.get("value")).isEqualTo("0");
        assertThat(copies.get("message")).as("a number out of range says the range").isEqualTo("应为 1 至 100 之间的整数");
        Map<String, Object> duration = errors.stream().filter(e -> e.get("row").equals(5)).findFirst().orElseThrow();
        assertThat((String) duration.get("message")).contains("10");
        assertThat(carriersTitled(batch)).isZero();
    }

    @Test
    void theImportPageShowsTheReport() throws Exception {
        String batch = CarrierFixtures.uniqueTitle("页面");
        byte[] file = Workbooks.ledger(List.of(Workbooks.row(batch, "机密", "99年", "1", custodian, "本单位")));
        String page = mvc.perform(multipart("/carriers/import").file(new MockMultipartFile("file", "台账.xlsx",
                        LedgerFilePages.XLSX, file)).with(csrf()).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"problems\"", "保密期限", "99年", "法定最长期限");
        byte[] good = Workbooks.ledger(List.of(Workbooks.row(batch, "机密", "", "2", custodian, "本单位")));
        String done = mvc.perform(multipart("/carriers/import").file(new MockMultipartFile("file", "台账.xlsx",
                        LedgerFilePages.XLSX, good)).with(csrf()).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("id=\"imported\"");
        assertThat(carriersTitled(batch)).isEqualTo(1);
    }

    @Test
    void theTemplateHasEveryColumnInChinese() throws Exception {
        byte[] template = mvc.perform(get("/api/carriers/import/template.xlsx").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Workbooks.read(template).get(0)).containsExactlyElementsOf(ImportColumn.headers())
                .contains("标题", "文号", "密级", "保密期限", "载体类型", "份数", "保管人", "存放位置", "知悉范围");
    }

    @Test
    void staffMayNotImport() throws Exception {
        byte[] file = Workbooks.ledger(List.of(Workbooks.row(CarrierFixtures.uniqueTitle("越权"), "秘密", "", "1",
                custodian, "本单位")));
        for (Role role : List.of(Role.STAFF, Role.DEPARTMENT_HEAD, Role.UNIT_LEADER, Role.SUPERVISOR)) {
            CurrentUser user = org.as(org.inside().get(ClearanceLevel.CORE), role);
            upload(user, file).andExpect(status().isForbidden());
            mvc.perform(get("/api/carriers/import/template.xlsx").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/carriers/import").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(multipart("/carriers/import").file(new MockMultipartFile("file", "a.xlsx", LedgerFilePages.XLSX,
                    file)).with(csrf()).with(as(user))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from carriers where title like '越权%'").query(Long.class).single()).isZero();
    }

    @Test
    void aCorruptFileIsRefused() throws Exception {
        byte[] valid = Workbooks.ledger(List.of(Workbooks.row("坏", "秘密", "", "1", custodian, "本单位")));
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        refused(truncated, "已损坏");
    }

    @Test
    void anEncryptedFileIsRefused() throws Exception {
        byte[] valid = Workbooks.ledger(List.of(Workbooks.row("密", "秘密", "", "1", custodian, "本单位")));
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("口令123");
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(valid);
            }
            fs.writeFilesystem(encrypted);
        }
        refused(encrypted.toByteArray(), "加密");
    }

    @Test
    void aFileThatIsNotXlsxIsRefused() throws Exception {
        refused("标题,密级\n会议纪要,机密\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), ".xlsx");
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet("台账").createRow(0).createCell(0).setCellValue("标题");
            old.write(xls);
        }
        refused(xls.toByteArray(), ".xls");
        refused(new byte[0], ".xlsx");
    }

    @Test
    void tooManyRowsAreRefused() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            rows.add(List.of("行" + i));
        }
        refused(Workbooks.ledger(rows), "10000");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        byte[] valid = Workbooks.ledger(List.of(Workbooks.row("炸", "秘密", "", "1", custodian, "本单位")));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.write(head);
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        out.write(spaces);
                    }
                    out.write("</sheetData></worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(bomb.size()).as("a small file that inflates to 60 MB").isLessThan(1_000_000);
        refused(bomb.toByteArray(), "已损坏");
    }

    private void refused(byte[] file, String messagePart) throws Exception {
        upload(officer, file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(0))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(messagePart)));
    }

    private ResultActions upload(CurrentUser user, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/carriers/import")
                .file(new MockMultipartFile("file", "台账.xlsx", LedgerFilePages.XLSX, file)).with(as(user)));
    }

    private static List<Map<String, Object>> errors(String body) {
        return JsonPath.read(body, "$.errors");
    }

    private long carriersTitled(String prefix) {
        return jdbc.sql("select count(*) from carriers where title like ?").param(prefix + "%").query(Long.class).single();
    }

    private long copiesTitled(String prefix) {
        return jdbc.sql("select count(*) from carrier_copies cp join carriers c on c.id = cp.carrier_id where c.title like ?")
                .param(prefix + "%").query(Long.class).single();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ? and actor = ?")
                .params(action, officer.username()).query(Long.class).single();
    }
}
