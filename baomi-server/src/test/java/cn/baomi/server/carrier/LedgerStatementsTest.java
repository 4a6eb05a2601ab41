package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestDatabase;
import cn.baomi.server.support.TestUsers;

/**
 * The SQL one event costs (docs/decisions/ledger-performance.md): a lend through the API is one transaction of a
 * dozen statements, the audit record written last. Counted from {@link JdbcTemplate}'s debug log, which every
 * {@code JdbcClient} statement goes through.
 */
@BaomiTest
class LedgerStatementsTest {

    /**
     * The visible copy with its carrier's level (read once for the carrier check and the event), the borrower, the
     * scope, the conditional update (which also checks the destruction lists), the event, and the audit record: the
     * head's move from the head this server last wrote and the record in one statement string. (The viewer's person,
     * the borrower and an API client's token are read once and then kept in memory until they change.)
     */
    static final int LEND_STATEMENTS = 6;

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long copy;
    final Logger sql = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
    final ListAppender<ILoggingEvent> statements = new ListAppender<>();
    Level level;

    @BeforeEach
    void aCopyAndTheStatementLog() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("语句"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        level = sql.getLevel();
        statements.start();
    }

    @AfterEach
    void restore() {
        sql.detachAppender(statements);
        sql.setLevel(level);
        TestUsers.signOut();
    }

    @Test
    void aLendThroughTheApiIsOneTransactionOfSixStatementsWithTheAuditRecordLast() throws Exception {
        long borrower = org.inside().get(ClearanceLevel.GENERAL);
        trail.recordAs("statements", "STAFF", AuditRecord.success("NOTE", "test", 1)); // this server now knows the head
        sql.setLevel(Level.DEBUG);
        sql.addAppender(statements);
        api.post(org.officer(), carrier, copy, "LENT", Map.of("personId", borrower, "dueDate", "2099-01-01"))
                .andExpect(status().isCreated());
        sql.detachAppender(statements);
        List<String> executed = statements.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.matches("(?s)Executing (prepared )?SQL (statement|batch update) \\[.*")).toList();
        executed.forEach(System.out::println);
        assertThat(executed).hasSizeLessThanOrEqualTo(LEND_STATEMENTS);
        assertThat(executed.get(executed.size() - 1)).contains("update audit_chain_head").contains("insert into audit_events");
        assertThat(executed).as("the head is not read: this server knows it").filteredOn(m -> m.contains("audit_chain_head"))
                .hasSize(1);
    }

    /**
     * PostgreSQL's driver prepares a statement on the server after five uses and parses it again whenever a
     * parameter arrives with another type than it was prepared with: a null bound without its SQL type is
     * "unspecified". A copy's change and its event bind their nullable columns with their types, so lending and
     * taking back copies kept in a place and in a safe keep the prepared statements
     * (docs/decisions/ledger-performance.md, "Stable parameter types").
     */
    @Test
    void aStatementKeepsItsParameterTypesWhetherAValueIsNullOrNot() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "the driver's server-side statements are PostgreSQL's");
        long borrower = org.inside().get(ClearanceLevel.GENERAL);
        long carrier = new CarrierFixtures(organization, carriers).carrier(org, SecretLevel.CONFIDENTIAL,
                CarrierFixtures.uniqueTitle("类型"), List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        List<Long> copies = CarrierFixtures.copyIds(jdbc, carrier);
        long inPlace = copies.get(0);
        long inSafe = copies.get(1);
        jdbc.sql("update carrier_copies set safe_id = ?, place = null where id = ?")
                .params(new SafeFixture(jdbc).safe(org.unit(), org.custodian()), inSafe).update();
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql.core.v3.SimpleQuery");
        java.util.logging.Level before = driver.getLevel();
        List<String> reprepared = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage() != null && r.getMessage().contains("does not match new parameter types")) {
                    reprepared.add(new java.util.logging.SimpleFormatter().formatMessage(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driver.setLevel(java.util.logging.Level.FINER);
        handler.setLevel(java.util.logging.Level.ALL);
        driver.addHandler(handler);
        try {
            for (int i = 0; i < 8; i++) {
                for (long c : List.of(inPlace, inSafe)) {
                    api.post(org.officer(), carrier, c, "LENT", Map.of("personId", borrower, "dueDate", "2099-01-01"))
                            .andExpect(status().isCreated());
                    api.post(org.officer(), carrier, c, "LOAN_RETURNED", Map.of()).andExpect(status().isCreated());
                }
            }
        } finally {
            driver.removeHandler(handler);
            driver.setLevel(before);
        }
        assertThat(reprepared).isEmpty();
    }
}
