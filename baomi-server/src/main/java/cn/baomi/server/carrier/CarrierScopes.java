package cn.baomi.server.carrier;

import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.baomi.server.organization.PersonSummary;

/** The need-to-know scope rows of carriers; written once at registration, never edited in place. */
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

    List<Entry> of(long carrierId) {
        return jdbc.sql("select kind, ref_id from carrier_scope where carrier_id = ? order by kind, ref_id")
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
