package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.crypto.Sm4Cipher;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Editing and deactivating persons, the search filters, and what other modules see through the directories. */
@BaomiTest
@RecordApplicationEvents
class PersonLifecycleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitService units;
    @Autowired
    PartService parts;
    @Autowired
    PersonService persons;
    @Autowired
    PersonDirectory personDirectory;
    @Autowired
    UnitDirectory unitDirectory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sm4Cipher cipher;
    @Autowired
    ApplicationEvents events;

    OrganizationFixtures.Tree tree;
    CurrentUser officer;

    @BeforeEach
    void buildTree() {
        tree = new OrganizationFixtures(units, parts, persons).tree();
        officer = officerOf(tree.unit());
    }

    @Test
    void deactivatingAPersonPublishesPersonDeactivatedAndIsAudited() throws Exception {
        mvc.perform(post("/persons/{id}/deactivate", tree.regular()).with(csrf()).with(as(officer)))
                .andExpect(redirectedUrl("/persons/" + tree.regular()));
        assertThat(events.stream(PersonDeactivated.class)).containsExactly(new PersonDeactivated(tree.regular()));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSON_DEACTIVATED' and target_id = ?")
                .param(String.valueOf(tree.regular())).query(Long.class).single()).isEqualTo(1);
        assertThat(personDirectory.find(tree.regular())).get().extracting(PersonSummary::active).isEqualTo(false);
        assertThat(personDirectory.activeInUnit(tree.unit())).extracting(PersonSummary::id).doesNotContain(tree.regular());
    }

    @Test
    void deactivationConfirmedThroughHtmxAnswersWithAnHtmxRedirect() throws Exception {
        long trainee = tree.unitPersons().get(EmploymentType.TRAINEE);
        mvc.perform(post("/persons/{id}/deactivate", trainee).header("HX-Request", "true").with(csrf()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/persons/" + trainee));
        assertThat(personDirectory.find(trainee)).get().extracting(PersonSummary::active).isEqualTo(false);
    }

    @Test
    void thePersonFormOffersTheDepartmentsOfTheChosenUnitOnly() throws Exception {
        mvc.perform(get("/persons/new").param("unitId", String.valueOf(tree.sub())).with(as(officerOf(tree.bureau()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("综合科")))
                .andExpect(content().string(not(containsString("办公室"))));
    }

    @Test
    void theEditFormStillOffersThePersonsDeactivatedDepartment() throws Exception {
        TestUsers.signIn(officer);
        try {
            parts.deactivate(PartKind.DEPARTMENTS, tree.unitDepartment());
        } finally {
            TestUsers.signOut();
        }
        mvc.perform(get("/persons/{id}/edit", tree.regular()).with(as(officer)))
                .andExpect(content().string(containsString("办公室 (已停用)")));
        mvc.perform(get("/persons/new").param("unitId", String.valueOf(tree.unit())).with(as(officer)))
                .andExpect(content().string(not(containsString("办公室"))));
        mvc.perform(post("/persons/{id}", tree.regular()).with(csrf()).with(as(officer)).param("name", "张0")
                        .param("unitId", String.valueOf(tree.unit()))
                        .param("departmentId", String.valueOf(tree.unitDepartment()))
                        .param("employmentType", "REGULAR").param("clearance", "GENERAL"))
                .andExpect(redirectedUrl("/persons/" + tree.regular()));
    }

    @Test
    void everyChangeIsAuditedAndARefusedChangeLeavesNoAuditRecord() throws Exception {
        long created = audited("PERSON_CREATED");
        long updated = audited("PERSON_UPDATED");
        String body = "{\"name\":\"审计人\",\"idNumber\":\"" + OrganizationFixtures.newIdNumber() + "\",\"unitId\":"
                + tree.unit() + ",\"employmentType\":\"REGULAR\",\"clearance\":\"NONE\"}";
        mvc.perform(post("/api/persons").with(as(officer)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/persons").with(as(officer)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/persons/{id}", tree.regular()).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张0\",\"unitId\":" + tree.unit()
                                + ",\"employmentType\":\"TRAINEE\",\"clearance\":\"GENERAL\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(audited("PERSON_CREATED")).isEqualTo(created + 1);
        assertThat(audited("PERSON_UPDATED")).isEqualTo(updated);
        assertThat(audited("UNIT_CREATED")).isGreaterThanOrEqualTo(4);
        assertThat(audited("DEPARTMENT_CREATED")).isGreaterThanOrEqualTo(2);
        assertThat(audited("POSITION_CREATED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDatabaseStillRefusesADuplicateIdNumberIfTheServiceCheckIsRaced() {
        String digest = jdbc.sql("select id_number_digest from persons where id = ?").param(tree.regular())
                .query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into persons (unit_id, name, "
                        + "id_number_cipher, id_number_digest, id_number_masked, employment_type, clearance, active, "
                        + "created_at, updated_at) values (?, 'x', 'c', ?, 'm', 'REGULAR', 'NONE', true, "
                        + "current_timestamp, current_timestamp)").params(tree.unit(), digest).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void editingKeepsTheIdNumberWhenLeftBlankAndReplacesItWhenGiven() throws Exception {
        long id = tree.unitPersons().get(EmploymentType.OUTSOURCED);
        String oldCipher = cipherOf(id);
        mvc.perform(post("/persons/{id}", id).with(csrf()).with(as(officer)).param("name", "张改名")
                        .param("idNumber", "").param("unitId", String.valueOf(tree.unit()))
                        .param("employmentType", "OUTSOURCED").param("clearance", "GENERAL"))
                .andExpect(redirectedUrl("/persons/" + id));
        assertThat(cipherOf(id)).isEqualTo(oldCipher);
        assertThat(personDirectory.find(id)).get().satisfies(p -> {
            assertThat(p.name()).isEqualTo("张改名");
            assertThat(p.clearance()).isEqualTo(ClearanceLevel.GENERAL);
            assertThat(p.departmentId()).isNull();
        });
        String number = OrganizationFixtures.newIdNumber();
        mvc.perform(put("/api/persons/{id}", id).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张改名\",\"idNumber\":\"" + number + "\",\"unitId\":" + tree.unit()
                                + ",\"employmentType\":\"OUTSOURCED\",\"clearance\":\"GENERAL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumberMasked").value(IdNumbers.mask(number)));
        assertThat(cipher.decrypt(cipherOf(id))).isEqualTo(number);
    }

    @Test
    void movingAPersonOutOfTheOfficersScopeIsRefused() throws Exception {
        mvc.perform(put("/api/persons/{id}", tree.regular()).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张0\",\"unitId\":" + tree.sibling()
                                + ",\"employmentType\":\"REGULAR\",\"clearance\":\"GENERAL\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        assertThat(personDirectory.find(tree.regular())).get().extracting(PersonSummary::unitId).isEqualTo(tree.unit());
    }

    @Test
    void searchFiltersByNameClearanceEmploymentTypeAndDepartment() throws Exception {
        String unit = String.valueOf(tree.unit());
        mvc.perform(get("/api/persons").param("unitId", unit).with(as(officer)))
                .andExpect(jsonPath("$.total").value(EmploymentType.values().length));
        mvc.perform(get("/api/persons").param("unitId", unit).param("employmentType", "SECONDED").with(as(officer)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].employmentType").value("SECONDED"));
        mvc.perform(get("/api/persons").param("unitId", unit).param("clearance", "NONE").with(as(officer)))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/persons").param("departmentId", String.valueOf(tree.subDepartment())).with(as(officer)))
                .andExpect(jsonPath("$.items[0].id").value(tree.subPerson()));
        mvc.perform(get("/api/persons").param("unitId", unit).param("size", "2").param("page", "1").with(as(officer)))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2));
        mvc.perform(get("/api/persons").param("size", "1000").with(as(officer)))
                .andExpect(jsonPath("$.size").value(100));
        mvc.perform(get("/persons").param("q", "王中").header("HX-Request", "true").with(as(officer)))
                .andExpect(content().string(containsString("王中心")))
                .andExpect(content().string(not(containsString("张0"))));
    }

    @Test
    void directoriesGiveOtherModulesUnitsAndPersonsWithoutIdNumbers() {
        assertThat(unitDirectory.activeUnits()).extracting(UnitSummary::id)
                .contains(tree.bureau(), tree.unit(), tree.sub(), tree.sibling());
        assertThat(unitDirectory.find(tree.sub())).get().extracting(UnitSummary::parentId).isEqualTo(tree.unit());
        assertThat(personDirectory.activeInUnit(tree.unit())).hasSize(EmploymentType.values().length);
        assertThat(PersonSummary.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("idNumber", "idNumberMasked");
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ?").param(action).query(Long.class).single();
    }

    private String cipherOf(long id) {
        return jdbc.sql("select id_number_cipher from persons where id = ?").param(id).query(String.class).single();
    }
}
