package vn.nghean.review.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 14: a key sequence for each table whose keys come in blocks ({@link KeyBlocks}),
 * starting after the largest key the table holds, so that a database of an earlier version goes on
 * without a collision. The same statements on H2 and PostgreSQL; a Java migration because the start
 * is read from the data.
 */
@Component
class V14__KeySequences extends BaseJavaMigration {

  static final List<String> TABLES = List.of("notification", "deadline_event", "unit_report");

  @Override
  public void migrate(Context context) throws SQLException {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String table : TABLES) {
        long next;
        try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
          max.next();
          next = max.getLong(1);
        }
        statement.execute("create sequence " + table + "_seq start with " + next + " increment by " + KeyBlocks.SIZE);
      }
    }
  }
}
