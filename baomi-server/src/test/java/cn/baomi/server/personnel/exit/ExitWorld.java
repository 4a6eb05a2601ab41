package cn.baomi.server.personnel.exit;

import static cn.baomi.server.support.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;
import cn.baomi.server.support.TestIdNumbers;

/**
 * A uniquely named unit for exit and travel tests, built through the organisation's use cases and the carrier API:
 * a bureau with the unit and a sibling unit; in the unit a department with the leaver, a colleague and its head,
 * another department with its head, a unit leader, the secrecy officer and an uncleared clerk.
 */
public final class ExitWorld {

    private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 100_000);

    /** The ids of the unit tree and of the persons, and a signed-in user for each role a test plays. */
    public record Org(long bureau, long unit, long sibling, long department, long otherDepartment, long leaver,
                      long colleague, long clerk, CurrentUser officer, CurrentUser bureauOfficer, CurrentUser leaverSelf,
                      CurrentUser colleagueUser, CurrentUser head, CurrentUser otherHead, CurrentUser leader,
                      CurrentUser siblingOfficer, CurrentUser supervisor) {

        /** A staff user for one more person of the unit. */
        public CurrentUser as(long personId) {
            return TestUsers.user(unit, personId, Role.STAFF);
        }
    }

    private final OrganizationSetup organization;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    public ExitWorld(OrganizationSetup organization, MockMvc mvc, JdbcClient jdbc) {
        this.organization = organization;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** The organisation, with the leaver at the given clearance. */
    public Org org(ClearanceLevel leaverLevel) {
        try {
            TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
            long bureau = organization.createUnit(null, code(), "市保密局", true);
            long unit = organization.createUnit(bureau, code(), "市商务局", false);
            long sibling = organization.createUnit(bureau, code(), "市外事办", false);
            long department = organization.createDepartment(unit, "对外贸易处");
            long other = organization.createDepartment(unit, "办公室");
            TestUsers.signIn(TestUsers.user(bureau, null, Role.SECRECY_OFFICER));
            long leaver = person(unit, department, "离岗人", leaverLevel);
            long colleague = person(unit, department, "同事", ClearanceLevel.CORE);
            long officer = person(unit, other, "保密员", ClearanceLevel.CORE);
            long head = person(unit, department, "处长", ClearanceLevel.CORE);
            long otherHead = person(unit, other, "主任", ClearanceLevel.CORE);
            long leader = person(unit, null, "局长", ClearanceLevel.CORE);
            long clerk = person(unit, other, "文员", ClearanceLevel.NONE);
            long siblingOfficer = person(sibling, null, "外办保密员", ClearanceLevel.CORE);
            return new Org(bureau, unit, sibling, department, other, leaver, colleague, clerk,
                    TestUsers.user(unit, officer, Role.SECRECY_OFFICER), TestUsers.user(bureau, null, Role.SECRECY_OFFICER),
                    TestUsers.user(unit, leaver, Role.STAFF), TestUsers.user(unit, colleague, Role.STAFF),
                    TestUsers.user(unit, head, Role.DEPARTMENT_HEAD), TestUsers.user(unit, otherHead, Role.DEPARTMENT_HEAD),
                    TestUsers.user(unit, leader, Role.UNIT_LEADER),
                    TestUsers.user(sibling, siblingOfficer, Role.SECRECY_OFFICER),
                    TestUsers.user(bureau, null, Role.SUPERVISOR));
        } finally {
            TestUsers.signOut();
        }
    }

    /** One more person of the unit's department. */
    public long person(Org org, ClearanceLevel level) {
        try {
            TestUsers.signIn(TestUsers.user(org.bureau(), null, Role.SECRECY_OFFICER));
            return person(org.unit(), org.department(), "新人", level);
        } finally {
            TestUsers.signOut();
        }
    }

    /** A secret carrier of the unit, scoped to the department and naming {@code named} personally; returns its copy. */
    public Copy carrier(Org org, long custodian, long... named) throws Exception {
        StringBuilder persons = new StringBuilder();
        for (long p : named) {
            persons.append(persons.isEmpty() ? "" : ",").append(p);
        }
        String body = """
                {"type":"PAPER","title":"%s","documentNumber":"商〔2026〕%d号","level":"SECRET","durationKind":"DEFAULT",
                 "copies":1,"custodianId":%d,"place":"机要室","scopeDepartmentIds":[%d],"scopePersonIds":[%s]}"""
                .formatted("对外谈判方案-" + counter.incrementAndGet(), counter.get(), custodian, org.department(), persons);
        String created = mvc.perform(post("/api/carriers").with(as(org.officer())).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse().getContentAsString();
        long carrier = ((Number) JsonPath.read(created, "$.id")).longValue();
        long copy = jdbc.sql("select id from carrier_copies where carrier_id = ?").param(carrier).query(Long.class).single();
        return new Copy(carrier, copy);
    }

    public record Copy(long carrierId, long copyId) {
    }

    /** A custody event on the copy through the carrier API. */
    public ResultActions event(CurrentUser user, Copy copy, String type, String extra) throws Exception {
        return mvc.perform(post("/api/carriers/" + copy.carrierId() + "/events").with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyId\":" + copy.copyId() + ",\"type\":\"" + type + "\"" + extra + "}"));
    }

    public ResultActions lend(Org org, Copy copy, long borrower) throws Exception {
        return event(org.officer(), copy, "LENT", ",\"personId\":" + borrower + ",\"dueDate\":\"" + LocalDate.now().plusDays(7) + "\"");
    }

    public long audited(String action, Object targetId) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(targetId)).query(Long.class).single();
    }

    public List<String> actions(String targetType, Object targetId) {
        return jdbc.sql("select action from audit_events where target_type = ? and target_id = ? order by seq")
                .params(targetType, String.valueOf(targetId)).query(String.class).list();
    }

    /** A scanned commitment: the first bytes of a PDF are enough for the scan store. */
    public static final byte[] PDF = "%PDF-1.4\n% exit commitment\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public ResultActions open(CurrentUser user, long personId, LocalDate leaveDate) throws Exception {
        return mvc.perform(post("/api/personnel/exits").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":" + personId + ",\"reason\":\"调任非涉密岗位\",\"leaveDate\":\"" + leaveDate + "\"}"));
    }

    public long openExit(Org org, long personId, LocalDate leaveDate) throws Exception {
        String body = open(org.officer(), personId, leaveDate).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    public ResultActions signCommitment(CurrentUser user, long exitId) throws Exception {
        return mvc.perform(multipart("/api/personnel/exits/" + exitId + "/commitment")
                .file(new MockMultipartFile("scan", "承诺书.pdf", "application/pdf", PDF))
                .param("signedOn", LocalDate.now().toString()).with(as(user)));
    }

    public ResultActions complete(CurrentUser user, long exitId) throws Exception {
        return mvc.perform(post("/api/personnel/exits/" + exitId + "/completion").with(as(user)));
    }

    /** Opens, signs and completes an exit of a person who holds nothing; returns the exit. */
    public long leave(Org org, long personId, LocalDate leaveDate) throws Exception {
        long exit = openExit(org, personId, leaveDate);
        signCommitment(org.officer(), exit);
        complete(org.officer(), exit).andExpect(status().isNoContent());
        return exit;
    }

    private long person(long unit, Long department, String name, ClearanceLevel level) {
        return organization.registerPerson(new OrganizationSetup.NewPerson(name + counter.incrementAndGet(), TestIdNumbers.next(),
                unit, department, null, EmploymentType.REGULAR, level));
    }

    private static String code() {
        return "X" + counter.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

}
