package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The ledger's invariants held by the database itself, and ledger numbers under concurrency (domain.md §4, §16). */
@BaomiTest
class LedgerInvariantsTest {

    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    long copy;

    @BeforeEach
    void oneCopy() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        copy = CarrierFixtures.copyIds(jdbc, fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("不变式"))).get(0);
    }

    @Test
    void aCopyHasExactlyOneCustodianAndOnePlace() {
        long safe = new SafeFixture(jdbc).safe(org.unit(), org.custodian());
        assertThatThrownBy(() -> jdbc.sql("update carrier_copies set custodian_id = null where id = ?").param(copy).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update carrier_copies set place = null where id = ?").param(copy).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update carrier_copies set safe_id = ? where id = ?").params(safe, copy).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("update carrier_copies set safe_id = ?, place = null where id = ?").params(safe, copy).update();
    }

    @Test
    void ledgerNumbersFollowTheConfiguredPatternAndCountPerUnitAndPrefix() {
        LedgerNumbers numbers = new LedgerNumbers(jdbc, "BM{year}{level}第{seq:3}号");
        int year = Year.now().getValue();
        assertThat(numbers.next(org.unit(), "X", SecretLevel.TOP_SECRET, year)).isEqualTo("BM" + year + "JM第001号");
        assertThat(numbers.next(org.unit(), "X", SecretLevel.TOP_SECRET, year)).isEqualTo("BM" + year + "JM第002号");
        assertThat(numbers.next(org.unit(), "X", SecretLevel.CONFIDENTIAL, year)).isEqualTo("BM" + year + "MM第001号");
        assertThat(numbers.next(org.sibling(), "X", SecretLevel.TOP_SECRET, year)).isEqualTo("BM" + year + "JM第001号");
        assertThat(new LedgerNumbers(jdbc, "FIX").next(org.unit(), "X", SecretLevel.SECRET, year)).isEqualTo("FIX-00001");
    }

    @Test
    void concurrentRegistrationsNeverShareALedgerNumber() throws Exception {
        int threads = 2;
        int perThread = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    TestUsers.signIn(org.officer());
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            carriers.register(CarrierFixtures.form(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("并发"),
                                    List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 2));
                        }
                        return null;
                    } finally {
                        TestUsers.signOut();
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> numbers = jdbc.sql("select ledger_number from carrier_copies where unit_id = ? and ledger_number like ?")
                .params(org.unit(), "%-JIM-%").query(String.class).list();
        assertThat(numbers).hasSize(1 + threads * perThread * 2).doesNotHaveDuplicates();
    }
}
