package vn.nghean.review.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database of an earlier version, whose notifications, deadline events and records took their keys
 * from the column, upgraded (migration 14): each table's key sequence begins after the largest key it
 * holds and draws in blocks of {@link KeyBlocks#SIZE}, so no new row takes an old row's key.
 */
class KeySequencesUpgradeTest {

  static FluentConfiguration flyway(JdbcDataSource database) {
    return Flyway.configure().dataSource(database)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .javaMigrations(new V14__KeySequences());
  }

  @Test
  void shouldBeginEachSequenceAfterTheKeysATableHolds() throws SQLException {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:key-sequences-upgrade;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    flyway(database).target("13").load().migrate();
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
      for (int i = 0; i < 3; i++) {
        sql.executeUpdate("insert into deadline_event (campaign_code, unit_code, kind, level, occurred_at, skipped)"
            + " values ('SK-2024', 'VINH', 'REMINDER', 1, current_timestamp, false)");
      }
      sql.executeUpdate("insert into deadline_event (id, campaign_code, unit_code, kind, level, occurred_at, skipped)"
          + " values (120, 'SK-2024', 'VINH', 'OVERDUE', 1, current_timestamp, false)");
    }

    flyway(database).load().migrate();

    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
      assertThat(next(sql, "deadline_event_seq")).isEqualTo(121);
      assertThat(next(sql, "deadline_event_seq")).isEqualTo(121 + KeyBlocks.SIZE);
      assertThat(next(sql, "notification_seq")).isEqualTo(1);
      assertThat(next(sql, "unit_report_seq")).isEqualTo(1);
    }
  }

  private static long next(Statement sql, String sequence) throws SQLException {
    try (ResultSet value = sql.executeQuery("select next value for " + sequence)) {
      value.next();
      return value.getLong(1);
    }
  }
}
