package cn.baomi.server.incident;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.carrier.CopyReportedLost;
import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;
import cn.baomi.server.support.TestIdNumbers;

/**
 * Who reads incidents (泄密事件): the secrecy office of the unit and of the units above it, and the supervisor of the
 * units below its own (read-only), nobody else; every list and detail view is audited. Incidents come from {@link CopyReportedLost}, published here as the carrier module does.
 */
@BaomiTest
class IncidentAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;

    long bureau;
    long unit;
    long sibling;
    long incident;
    String ledgerNumber;

    @BeforeEach
    void anIncidentOfAUnitBelowABureau() {
        String code = "I" + System.nanoTime();
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            bureau = organization.createUnit(null, code + "B", "市保密局", true);
            unit = organization.createUnit(bureau, code + "U", "市发展改革委", false);
            sibling = organization.createUnit(bureau, code + "S", "市财政局", false);
        } finally {
            TestUsers.signOut();
        }
        ledgerNumber = code + "-2026-JIM-00001";
        incidents.copyLost(new CopyReportedLost(0, 0, unit, ledgerNumber, "SECRET", unitPerson(), "officer", null,
                Instant.now(), "清查未找到", 7L));
        incident = jdbc.sql("select id from incidents where ledger_number = ?").param(ledgerNumber).query(Long.class)
                .single();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theSecrecyOfficeOfTheUnitReadsItsIncidentsAndEachViewIsAudited() throws Exception {
        CurrentUser office = TestUsers.user(unit, null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/incidents").with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerNumber", hasItem(ledgerNumber)));
        mvc.perform(get("/api/incidents/" + incident).with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("CARRIER_LOST"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.inventoryId").value(7));
        mvc.perform(get("/incidents").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString(ledgerNumber)));
        mvc.perform(get("/incidents/" + incident).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("涉密载体丢失")))
                .andExpect(content().string(containsString("清查未找到")));
        assertThat(audited("INCIDENT_VIEWED")).isEqualTo(2);
        assertThat(audited("INCIDENT_OPENED")).isEqualTo(1);
    }

    @Test
    void theSecrecyOfficeAboveReadsTheIncidentsOfUnitsBelow() throws Exception {
        CurrentUser bureauOffice = TestUsers.user(bureau, null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/incidents/" + incident).with(as(bureauOffice))).andExpect(status().isOk());
        mvc.perform(get("/api/incidents").with(as(bureauOffice))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerNumber", hasItem(ledgerNumber)));
    }

    @Test
    void anotherUnitsSecrecyOfficeDoesNotSeeTheIncident() throws Exception {
        CurrentUser siblingOffice = TestUsers.user(sibling, null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/incidents/" + incident).with(as(siblingOffice))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + incident).with(as(siblingOffice))).andExpect(status().isNotFound());
        mvc.perform(get("/api/incidents").with(as(siblingOffice))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerNumber", not(hasItem(ledgerNumber))));
        assertThat(audited("INCIDENT_VIEWED")).isZero();
    }

    @Test
    void nonOfficeUsersAreDeniedIncidents() throws Exception {
        List<CurrentUser> denied = List.of(TestUsers.user(unit, null, Role.STAFF),
                TestUsers.user(unit, null, Role.DEPARTMENT_HEAD), TestUsers.user(unit, null, Role.UNIT_LEADER),
                TestUsers.user(unit, null, Role.CLASSIFICATION_AUTHORITY),
                TestUsers.administrator(Role.SYSTEM_ADMIN), TestUsers.administrator(Role.SECURITY_ADMIN),
                TestUsers.administrator(Role.SECURITY_AUDITOR));
        for (CurrentUser user : denied) {
            mvc.perform(get("/api/incidents").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/incidents/" + incident).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/incidents").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/incidents/" + incident).with(as(user))).andExpect(status().isForbidden());
        }
        assertThat(audited("INCIDENT_VIEWED")).isZero();
    }

    @Test
    void theSupervisorReadsTheIncidentsOfUnitsBelowItReadOnlyAndAudited() throws Exception {
        CurrentUser supervisor = TestUsers.user(bureau, null, Role.SUPERVISOR);
        mvc.perform(get("/api/incidents").with(as(supervisor))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerNumber", hasItem(ledgerNumber)));
        mvc.perform(get("/api/incidents/" + incident).with(as(supervisor))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerNumber").value(ledgerNumber));
        mvc.perform(get("/incidents/" + incident).with(as(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(containsString(ledgerNumber)))
                .andExpect(content().string(not(containsString("href=\"/carriers/"))));
        assertThat(audited("INCIDENT_VIEWED")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'INCIDENT_VIEWED' and target_id = ? "
                + "and detail = 'as=SUPERVISOR'").param(String.valueOf(incident)).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'INCIDENTS_LISTED' and actor = ?")
                .param(supervisor.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSupervisorIsDeniedOtherBureausIncidentsItsOwnAndAnyWrite() throws Exception {
        String code = "J" + System.nanoTime();
        long otherBureau;
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            otherBureau = organization.createUnit(null, code + "B", "邻市保密局", true);
        } finally {
            TestUsers.signOut();
        }
        CurrentUser otherSupervisor = TestUsers.user(otherBureau, null, Role.SUPERVISOR);
        mvc.perform(get("/api/incidents/" + incident).with(as(otherSupervisor))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + incident).with(as(otherSupervisor))).andExpect(status().isNotFound());
        mvc.perform(get("/api/incidents").with(as(otherSupervisor))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerNumber", not(hasItem(ledgerNumber))));
        CurrentUser unitSupervisor = TestUsers.user(unit, null, Role.SUPERVISOR);
        mvc.perform(get("/api/incidents/" + incident).with(as(unitSupervisor))).andExpect(status().isNotFound());
        CurrentUser supervisor = TestUsers.user(bureau, null, Role.SUPERVISOR);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/incidents/" + incident).with(as(supervisor))).andExpect(status().is4xxClientError());
        assertThat(audited("INCIDENT_VIEWED")).isZero();
    }

    @Test
    void theMenuOffersIncidentsToTheSecrecyOfficeAndTheSupervisorOnly() throws Exception {
        mvc.perform(get("/").with(as(TestUsers.user(unit, null, Role.SECRECY_OFFICER))))
                .andExpect(content().string(containsString("href=\"/incidents\"")));
        mvc.perform(get("/").with(as(TestUsers.user(bureau, null, Role.SUPERVISOR))))
                .andExpect(content().string(containsString("href=\"/incidents\"")));
        mvc.perform(get("/").with(as(TestUsers.user(unit, null, Role.STAFF))))
                .andExpect(content().string(not(containsString("href=\"/incidents\""))));
    }

    private long unitPerson() {
        TestUsers.signIn(TestUsers.user(bureau, null, Role.SECRECY_OFFICER));
        try {
            return organization.registerPerson(new OrganizationSetup.NewPerson("保管员",
                    TestIdNumbers.next(), unit, null, null, EmploymentType.REGULAR, ClearanceLevel.CORE));
        } finally {
            TestUsers.signOut();
        }
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_type = 'incident' and target_id = ?")
                .params(action, String.valueOf(incident)).query(Long.class).single();
    }
}
