package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V71 fills {@code carrier_search_grams} (V70) for the carriers and copies that exist, as the application writes it
 * for new ones (carrier.SearchGrams, docs/decisions/ledger-performance.md): the pieces of two characters of
 * {@code lower(title)}, {@code lower(document_number)} and of every copy's {@code lower(ledger_number)}, per carrier
 * and with its unit. Then it gives the table its primary key and its reference to {@code carriers}, built once over
 * the filled table rather than kept up to date through every insert (on a city's million copies, seven and a half
 * million rows: minutes saved). In Java only to go in batches of {@link #BATCH} carriers by id: each statement cuts
 * the pieces of one batch in the database, nothing is read into memory, and no statement has to hold the distinct
 * pieces of a whole city's ledger. The SQL is written out here rather than taken from the application, so that this
 * migration stays what it was when later code changes. The same statements for H2 (PostgreSQL mode) and PostgreSQL.
 */
public class V71__Carrier_search_grams_of_existing_carriers extends BaseJavaMigration {

    static final int BATCH = 5_000;

    private static final String GRAMS = """
            insert into carrier_search_grams (gram, unit_id, carrier_id)
            select distinct substring(t.s, n.i, 2), t.unit_id, t.carrier_id
            from (select lower(title) as s, unit_id, id as carrier_id from carriers where id >= ? and id < ?
                  union all
                  select lower(document_number), unit_id, id from carriers
                  where id >= ? and id < ? and document_number is not null
                  union all
                  select lower(ledger_number), unit_id, carrier_id from carrier_copies
                  where carrier_id >= ? and carrier_id < ?) t
            join generate_series(1, 600) as n(i) on n.i < char_length(t.s)
            on conflict do nothing""";

    @Override
    public void migrate(Context context) throws Exception {
        fill(context.getConnection());
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table carrier_search_grams add constraint pk_carrier_search_grams"
                    + " primary key (gram, unit_id, carrier_id)");
            statement.execute("alter table carrier_search_grams add constraint fk_carrier_search_grams_carrier"
                    + " foreign key (carrier_id) references carriers (id)");
        }
    }

    /**
     * Indexes every carrier and copy; with the primary key in place (after V71), those indexed already stay as they
     * are. Public for a test.
     */
    public static void fill(Connection connection) throws SQLException {
        long first;
        long last;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select min(id), max(id) from carriers")) {
            rs.next();
            first = rs.getLong(1);
            last = rs.getLong(2);
            if (rs.wasNull()) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(GRAMS)) {
            for (long from = first; from <= last; from += BATCH) {
                for (int pair = 0; pair < 3; pair++) {
                    insert.setLong(2 * pair + 1, from);
                    insert.setLong(2 * pair + 2, from + BATCH);
                }
                insert.executeUpdate();
            }
        }
    }
}
