package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Inventories and their items. Opening copies the unit's held copies into the items in one statement; a
 * confirmation is one conditional update of its own item, so custodians confirm side by side; closing is one
 * conditional update of the inventory, which confirmations lock first.
 */
@Repository
class Inventories {

    /** The copies the unit's ledger answers for: counted by an inventory. */
    static final String HELD = "('LIVE', 'HANDOVER_PENDING', 'LENT', 'CARRIED_OUT', 'ARCHIVED')";
    /** Of those, the ones at their custodian's, not away: these are the custodians' tasks. */
    static final String AT_HOME = "('LIVE', 'HANDOVER_PENDING', 'ARCHIVED')";
    private static final String SELECT =
            "select id, unit_id, state, opened_by, opened_at, closed_by, closed_at from inventories ";
    private static final String ITEMS = """
            select it.inventory_id, it.copy_id, cp.carrier_id, it.ledger_number, c.title, c.secret_level, it.custodian_id,
                   it.safe_id, sf.number as safe_number, it.place, cp.custodian_id as current_custodian_id,
                   cp.status as current_status, it.confirmed_person_id, it.confirmed_by, it.confirmed_at, it.found_place,
                   it.mismatch, it.reported_lost, cp.borrower_id, cp.due_date, r.approval_id as carry_out_approval_id,
                   r.destination
            from inventory_items it join carrier_copies cp on cp.id = it.copy_id join carriers c on c.id = cp.carrier_id
                 left join safes sf on sf.id = it.safe_id
                 left join carry_out_requests r on cp.status = 'CARRIED_OUT' and r.id = (select max(u.id)
                     from carry_out_requests u where u.copy_id = cp.id and u.state = 'USED')
            """;

    private final JdbcClient jdbc;

    Inventories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an inventory of the unit with a snapshot of its held copies; returns its id. */
    long open(long unitId, String openedBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into inventories (unit_id, state, open_unit_id, opened_by, opened_at) values (?, 'OPEN', ?, ?, ?)")
                .params(unitId, unitId, openedBy, Timestamp.from(at)).update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("insert into inventory_items (inventory_id, copy_id, ledger_number, custodian_id, safe_id, place) "
                        + "select ?, id, ledger_number, custodian_id, safe_id, place from carrier_copies "
                        + "where unit_id = ? and status in " + HELD)
                .params(id, unitId).update();
        return id;
    }

    boolean hasOpen(long unitId) {
        return jdbc.sql("select count(*) from inventories where open_unit_id = ?").param(unitId).query(Long.class)
                .single() > 0;
    }

    Optional<Inventory> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(Inventories::map).optional();
    }

    /** The inventory, its row locked until the end of the transaction (a closing waits for confirmations). */
    Optional<Inventory> lock(long id) {
        return jdbc.sql(SELECT + "where id = ? for update").param(id).query(Inventories::map).optional();
    }

    List<Inventory> ofUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where unit_id in (:units) order by id desc").param("units", List.copyOf(unitIds))
                .query(Inventories::map).list();
    }

    /** Open inventories of the unit (at most one). */
    List<Inventory> openOf(long unitId) {
        return jdbc.sql(SELECT + "where open_unit_id = ?").param(unitId).query(Inventories::map).list();
    }

    List<InventoryItem> items(long inventoryId) {
        return jdbc.sql(ITEMS + " where it.inventory_id = ? order by it.ledger_number").param(inventoryId)
                .query(Inventories::mapItem).list();
    }

    /** The items whose copy the person holds now as custodian. */
    List<InventoryItem> itemsHeldBy(long inventoryId, long personId) {
        return jdbc.sql(ITEMS + " where it.inventory_id = ? and cp.custodian_id = ? and cp.status in " + HELD
                        + " order by it.ledger_number")
                .params(inventoryId, personId).query(Inventories::mapItem).list();
    }

    /** The item with this ledger number, ignoring case (a scanner may send either). */
    Optional<InventoryItem> itemByLedgerNumber(long inventoryId, String ledgerNumber) {
        return jdbc.sql(ITEMS + " where it.inventory_id = ? and upper(it.ledger_number) = upper(?)")
                .params(inventoryId, ledgerNumber).query(Inventories::mapItem).optional();
    }

    Optional<InventoryItem> item(long inventoryId, long copyId) {
        return jdbc.sql(ITEMS + " where it.inventory_id = ? and it.copy_id = ?").params(inventoryId, copyId)
                .query(Inventories::mapItem).optional();
    }

    /** Confirms an item not yet confirmed; false if it already was. */
    boolean confirm(long inventoryId, long copyId, Long personId, String by, Instant at, String foundPlace,
                    InventoryItem.Mismatch mismatch) {
        return jdbc.sql("update inventory_items set confirmed_person_id = ?, confirmed_by = ?, confirmed_at = ?, "
                        + "found_place = ?, mismatch = ? where inventory_id = ? and copy_id = ? and confirmed_at is null")
                .params(personId, by, Timestamp.from(at), foundPlace, mismatch == null ? null : mismatch.name(),
                        inventoryId, copyId)
                .update() == 1;
    }

    /** Marks an item whose copy the closing of its inventory reported lost. */
    void markReportedLost(long inventoryId, long copyId) {
        jdbc.sql("update inventory_items set reported_lost = true where inventory_id = ? and copy_id = ?")
                .params(inventoryId, copyId).update();
    }

    /** Closes an open inventory; false if it was already closed. */
    boolean close(long id, String by, Instant at) {
        return jdbc.sql("update inventories set state = 'CLOSED', open_unit_id = null, closed_by = ?, closed_at = ? "
                        + "where id = ? and state = 'OPEN'")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    /** Per open inventory, how many copies this person holds at home (not away) that are not yet confirmed. */
    List<long[]> tasksOf(long personId) {
        return jdbc.sql("select it.inventory_id, count(*) from inventory_items it "
                        + "join inventories v on v.id = it.inventory_id join carrier_copies cp on cp.id = it.copy_id "
                        + "where v.state = 'OPEN' and it.confirmed_at is null and cp.custodian_id = ? and cp.status in "
                        + AT_HOME + " group by it.inventory_id order by it.inventory_id")
                .param(personId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    private static Inventory map(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Inventory(rs.getLong("id"), rs.getLong("unit_id"), Inventory.State.valueOf(rs.getString("state")),
                rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(), rs.getString("closed_by"),
                closed == null ? null : closed.toInstant());
    }

    private static InventoryItem mapItem(ResultSet rs, int row) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        String mismatch = rs.getString("mismatch");
        java.sql.Date due = rs.getDate("due_date");
        return new InventoryItem(rs.getLong("inventory_id"), rs.getLong("copy_id"), rs.getLong("carrier_id"),
                rs.getString("ledger_number"), rs.getString("title"), SecretLevel.valueOf(rs.getString("secret_level")),
                rs.getLong("custodian_id"), rs.getObject("safe_id", Long.class), rs.getString("safe_number"),
                rs.getString("place"), rs.getLong("current_custodian_id"),
                CopyStatus.valueOf(rs.getString("current_status")), rs.getObject("confirmed_person_id", Long.class),
                rs.getString("confirmed_by"), confirmed == null ? null : confirmed.toInstant(), rs.getString("found_place"),
                mismatch == null ? null : InventoryItem.Mismatch.valueOf(mismatch), rs.getBoolean("reported_lost"),
                rs.getObject("borrower_id", Long.class), due == null ? null : due.toLocalDate(),
                rs.getObject("carry_out_approval_id", Long.class), rs.getString("destination"));
    }
}
