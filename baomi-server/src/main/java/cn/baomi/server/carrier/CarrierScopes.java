package cn.baomi.server.carrier;

import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.baomi.server.organization.PersonSummary;

/**
 * The need-to-know scope rows of carriers; written at registration, replaced only by a recorded change. An entry
 * naming a person who has left the post is revoked ({@link CarrierHoldings#revokeScopeEntriesOf}) and no longer counts.
 */
@Repository
class CarrierScopes {

    record Entry(ScopeKind kind, long refId) {
    }

    private final JdbcClient jdbc;

    CarrierScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long carrierId, List<Entry> entries) {
        for (Entry e : entries.stream().distinct().toList()) {
            jdbc.sql("insert into carrier_scope (carrier_id, kind, ref_id) values (?, ?, ?)")
                    .params(carrierId, e.kind().name(), e.refId()).update();
        }
    }

    /** Only for a recorded change of classification. */
    void replace(long carrierId, List<Entry> entries) {
        jdbc.sql("delete from carrier_scope where carrier_id = ?").param(carrierId).update();
        add(carrierId, entries);
    }

    /** The scope as stored in the classification history: {@code DEPARTMENT:3,PERSON:12}. */
    static String text(List<Entry> entries) {
        return String.join(",", entries.stream().map(e -> e.kind() + ":" + e.refId()).sorted().toList());
    }

    List<Entry> of(long carrierId) {
        return jdbc.sql("select kind, ref_id from carrier_scope where carrier_id = ? and revoked_at is null order by kind, ref_id")
                .param(carrierId)
                .query((rs, n) -> new Entry(ScopeKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
    }

    /** Whether the scope names the person, their department, their position or their unit. */
    boolean includes(long carrierId, PersonSummary person) {
        return includes(of(carrierId), person);
    }

    static boolean includes(List<Entry> scope, PersonSummary person) {
        return scope.stream().anyMatch(e -> switch (e.kind()) {
            case PERSON -> e.refId() == person.id();
            case DEPARTMENT -> Objects.equals(e.refId(), person.departmentId());
            case POSITION -> Objects.equals(e.refId(), person.positionId());
            case UNIT -> e.refId() == person.unitId();
        });
    }
}
