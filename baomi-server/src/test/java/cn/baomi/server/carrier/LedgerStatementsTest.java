package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.support.BaomiTest;
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
     * head locked, then the record and the head's move in one statement string. (A viewer with a person of their own
     * adds one; the token, for an API client, one more.)
     */
    static final int LEND_STATEMENTS = 7;

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

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
    void aLendThroughTheApiIsOneTransactionOfSevenStatementsWithTheAuditRecordLast() throws Exception {
        long borrower = org.inside().get(ClearanceLevel.GENERAL);
        sql.setLevel(Level.DEBUG);
        sql.addAppender(statements);
        api.post(org.officer(), carrier, copy, "LENT", Map.of("personId", borrower, "dueDate", "2099-01-01"))
                .andExpect(status().isCreated());
        sql.detachAppender(statements);
        List<String> executed = statements.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.matches("(?s)Executing (prepared )?SQL (statement|batch update) \\[.*")).toList();
        executed.forEach(System.out::println);
        assertThat(executed).hasSizeLessThanOrEqualTo(LEND_STATEMENTS);
        assertThat(executed.get(executed.size() - 1)).contains("insert into audit_events").contains("update audit_chain_head");
        assertThat(executed.get(executed.size() - 2)).contains("audit_chain_head").contains("for update");
        assertThat(executed).filteredOn(m -> m.contains("audit_chain_head")).hasSize(2);
    }
}
