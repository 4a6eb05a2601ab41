package cn.baomi.server.personnel.travel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.organization.PersonsChanged;
import cn.baomi.server.personnel.exit.ExitWorld;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.crypto.Sm4Cipher;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Passports and travel documents kept by the unit (证照集中保管): issued for approved trips, returned, reminded; their
 * numbers stored encrypted, listed masked, shown in full only to the secrecy office, each time audited.
 */
@BaomiTest
class TravelDocumentTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sm4Cipher cipher;
    @Autowired
    org.flywaydb.core.Flyway flyway;

    ExitWorld world;
    ExitWorld.Org org;
    long passport;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aPassportOfTheCoreLeaverKeptByTheUnit() throws Exception {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
        String body = register("E" + (10_000_000L + org.leaver())).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        passport = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ResultActions register(String number) throws Exception {
        return mvc.perform(post("/api/personnel/travel/documents").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":" + org.leaver() + ",\"kind\":\"PASSPORT\",\"number\":\"" + number + "\"}"));
    }

    private ResultActions issue(Long travel, LocalDate issuedOn, LocalDate dueOn) throws Exception {
        return mvc.perform(post("/api/personnel/travel/documents/" + passport + "/issue").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"travelId\":" + travel + ",\"issuedOn\":\"" + issuedOn + "\",\"dueOn\":\"" + dueOn + "\"}"));
    }

    private void approveAll(long travel) throws Exception {
        long approval = jdbc.sql("select approval_id from personnel_travels where id = ?").param(travel)
                .query(Long.class).single();
        for (var user : java.util.List.of(org.head(), org.officer(), org.leader())) {
            mvc.perform(post("/api/approvals/" + approval + "/approve").with(as(user))).andExpect(status().isOk());
        }
    }

    @Test
    void documentIsIssuedOnlyForAnApprovedTravel() throws Exception {
        issue(null, today, today.plusDays(30)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("travelId"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("须凭已批准的出国（境）申请")));
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), today.plusDays(10));
        issue(travel, today, today.plusDays(30)).andExpect(status().isUnprocessableEntity());
        approveAll(travel);
        issue(travel, today, today.plusDays(30)).andExpect(status().isNoContent());
        issue(travel, today, today.plusDays(30)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已领出")));
        assertThat(jdbc.sql("select travel_id from travel_document_loans where document_id = ?").param(passport)
                .query(Long.class).single()).isEqualTo(travel);
    }

    @Test
    void aDocumentOutPastItsReturnDateIsAReminder() throws Exception {
        jdbc.sql("update persons set clearance = 'NONE' where id = ?").param(org.leaver()).update();
        events.publishEvent(new PersonsChanged()); // written behind the organisation's repositories
        issue(null, today.minusDays(10), today.minusDays(1)).andExpect(status().isNoContent());
        mvc.perform(get("/").with(as(org.officer()))).andExpect(content().string(Matchers.containsString("至今未交回")));
        mvc.perform(get("/").with(as(org.leaverSelf()))).andExpect(content().string(Matchers.containsString("至今未交回")));
        mvc.perform(get("/").with(as(org.colleagueUser())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("至今未交回"))));

        mvc.perform(post("/api/personnel/travel/documents/" + passport + "/return").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"returnedOn\":\"" + today + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/").with(as(org.officer())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("至今未交回"))));
        assertThat(jdbc.sql("select returned_on from travel_document_loans where document_id = ?").param(passport)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(today);
    }

    @Test
    void numbersAreStoredEncryptedAndListedMasked() throws Exception {
        String number = "E" + (10_000_000L + org.leaver());
        String masked = "******" + number.substring(number.length() - 3);
        Map<String, Object> stored = jdbc.sql("select number_cipher, number_digest, number_masked from travel_documents"
                + " where id = ?").param(passport).query().singleRow();
        assertThat(stored.get("number_masked")).isEqualTo(masked);
        assertThat(cipher.decrypt((String) stored.get("number_cipher"))).isEqualTo(number);
        assertThat(stored.values()).noneMatch(v -> String.valueOf(v).contains(number));
        for (var reader : java.util.List.of(org.officer(), org.leaverSelf())) {
            mvc.perform(get("/api/personnel/travel/documents").with(as(reader)))
                    .andExpect(jsonPath("$[?(@.id == " + passport + ")].number").value(masked));
        }
        mvc.perform(get("/api/personnel/travel/documents").with(as(org.colleagueUser())))
                .andExpect(jsonPath("$[?(@.id == " + passport + ")]").isEmpty());
        mvc.perform(get("/personnel/travel").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(masked)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(number))));
    }

    @Test
    void migrationsGetTheApplicationsSm4Key() {
        Map<String, String> placeholders = flyway.getConfiguration().getPlaceholders();
        assertThat(placeholders).containsEntry("baomi-sm4-key", "0123456789abcdef0123456789abcdef")
                .containsEntry("baomi-data-dir", "target/test-data");
    }

    @Test
    void theFullNumberIsShownOnlyToTheSecrecyOfficeOnTheDetailPageAndAudited() throws Exception {
        String number = "E" + (10_000_000L + org.leaver());
        mvc.perform(get("/personnel/travel/documents/" + passport).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reveal-number\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(number))));
        assertThat(world.audited("TRAVEL_DOCUMENT_VIEWED", passport)).isEqualTo(1);
        assertThat(world.audited("TRAVEL_DOCUMENT_NUMBER_VIEWED", passport)).isZero();

        mvc.perform(post("/personnel/travel/documents/" + passport + "/number").with(as(org.officer())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(number)));
        mvc.perform(get("/api/personnel/travel/documents/" + passport + "/number").with(as(org.officer())))
                .andExpect(jsonPath("$.number").value(number));
        assertThat(world.audited("TRAVEL_DOCUMENT_NUMBER_VIEWED", passport)).isEqualTo(2);

        mvc.perform(get("/personnel/travel/documents/" + passport).with(as(org.leaverSelf()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"reveal-number\""))));
        mvc.perform(get("/api/personnel/travel/documents/" + passport + "/number").with(as(org.leaverSelf())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personnel/travel/documents/" + passport + "/number").with(as(org.head())).with(csrf()))
                .andExpect(status().isForbidden());
        for (var other : java.util.List.of(org.colleagueUser(), org.siblingOfficer())) {
            mvc.perform(get("/api/personnel/travel/documents/" + passport + "/number").with(as(other)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/personnel/travel/documents/" + passport).with(as(other))).andExpect(status().isNotFound());
        }
        assertThat(world.audited("TRAVEL_DOCUMENT_NUMBER_VIEWED", passport)).isEqualTo(2);
    }

    @Test
    void cancellingATripWhoseDocumentIsOutSaysSo() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), today.plusDays(10));
        approveAll(travel);
        issue(travel, today, today.plusDays(30)).andExpect(status().isNoContent());
        mvc.perform(post("/personnel/travel/" + travel + "/cancel").with(as(org.leaverSelf())).with(csrf()))
                .andExpect(flash().attribute("notice", "travel.notice.cancelledDocumentOut"));
        mvc.perform(get("/api/personnel/travel/documents/" + passport).with(as(org.officer())))
                .andExpect(jsonPath("$.document.status").value("ISSUED"))
                .andExpect(jsonPath("$.loans[0].travelId").value(travel));
        issue(travel, today, today.plusDays(30)).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void onlyTheSecrecyOfficeKeepsDocumentsAndNumbersAreChecked() throws Exception {
        mvc.perform(post("/api/personnel/travel/documents").with(as(org.head())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + org.leaver() + ",\"kind\":\"PASSPORT\",\"number\":\"E99887766\"}"))
                .andExpect(status().isForbidden());
        register("E" + (10_000_000L + org.leaver())).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        register("护照号").andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(post("/api/personnel/travel/documents/" + passport + "/return").with(as(org.officer()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"returnedOn\":\"" + today + "\"}"))
                .andExpect(status().isUnprocessableEntity());
    }
}
