package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static cn.baomi.server.organization.OrganizationFixtures.headOf;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.crypto.Sm4Cipher;
import cn.baomi.server.support.BaomiTest;

/** The ID number is stored encrypted, leaves only masked, and every view of a person is audited. */
@BaomiTest
class PersonIdNumberEncryptionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitService units;
    @Autowired
    PartService parts;
    @Autowired
    PersonService persons;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sm4Cipher cipher;

    OrganizationFixtures.Tree tree;
    CurrentUser officer;
    String number;
    long personId;

    @BeforeEach
    void createPerson() throws Exception {
        tree = new OrganizationFixtures(units, parts, persons).tree();
        officer = officerOf(tree.unit());
        number = OrganizationFixtures.newIdNumber();
        String body = "{\"name\":\"加密人\",\"idNumber\":\"" + number + "\",\"unitId\":" + tree.unit()
                + ",\"employmentType\":\"REGULAR\",\"clearance\":\"IMPORTANT\"}";
        String created = mvc.perform(post("/api/persons").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumberMasked").value(IdNumbers.mask(number)))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain(number);
        personId = jdbc.sql("select id from persons where id_number_digest = ?").param(cipher.digest(number))
                .query(Long.class).single();
    }

    @Test
    void theStoredIdNumberIsEncryptedAndDecryptsBack() {
        var row = jdbc.sql("select id_number_cipher, id_number_masked from persons where id = ?").param(personId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).doesNotContain(number).doesNotContain(number.substring(6, 14));
        assertThat(cipher.decrypt(row[0])).isEqualTo(number);
        assertThat(row[1]).isEqualTo(number.substring(0, 3) + "***********" + number.substring(14));
    }

    @Test
    void listsAndDetailsCarryOnlyTheMaskedIdNumber() throws Exception {
        mvc.perform(get("/api/persons").param("q", "加密人").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].idNumberMasked").value(IdNumbers.mask(number)))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/api/persons/{id}", personId).with(as(officer)))
                .andExpect(jsonPath("$.idNumberMasked").value(IdNumbers.mask(number)))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/persons").param("q", "加密人").with(as(officer)))
                .andExpect(content().string(containsString(IdNumbers.mask(number))))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/persons/{id}", personId).with(as(officer)))
                .andExpect(content().string(not(containsString(number))));
    }

    @Test
    void viewingAPersonIsAudited() throws Exception {
        long before = audited("PERSON_VIEWED");
        mvc.perform(get("/persons/{id}", personId).with(as(headOf(tree.unit())))).andExpect(status().isOk());
        mvc.perform(get("/api/persons/{id}", personId).with(as(officer))).andExpect(status().isOk());
        assertThat(audited("PERSON_VIEWED")).isEqualTo(before + 2);
    }

    @Test
    void onlyTheSecrecyOfficerSeesTheFullIdNumberAndEachViewIsAudited() throws Exception {
        long before = audited("PERSON_ID_NUMBER_VIEWED");
        mvc.perform(post("/persons/{id}/id-number", personId).with(csrf()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));
        assertThat(audited("PERSON_ID_NUMBER_VIEWED")).isEqualTo(before + 1);

        mvc.perform(post("/persons/{id}/id-number", personId).with(csrf()).with(as(headOf(tree.unit()))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/persons/{id}/id-number", personId).with(csrf())
                        .with(as(OrganizationFixtures.supervisorOf(tree.bureau()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/persons/{id}", personId).with(as(headOf(tree.unit()))))
                .andExpect(content().string(not(containsString("reveal-id-number"))));
        assertThat(audited("PERSON_ID_NUMBER_VIEWED")).isEqualTo(before + 1);
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(personId)).query(Long.class).single();
    }
}
