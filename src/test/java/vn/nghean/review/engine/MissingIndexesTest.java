package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nghean.review.support.ApplicationTestBase;

/**
 * The engine's lookups that had no index are answered by one (MissingIndexesPlugin), made when the
 * application started, on the application tests' database (H2, and PostgreSQL under {@code -Ppostgres}):
 * a task's subtasks (every completion), the jobs locked now (every acquisition), a person's own grants
 * (every list's authorization check); a second start leaves them as they are.
 */
class MissingIndexesTest extends ApplicationTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired MissingIndexesPlugin plugin;

  @Test
  void shouldAnswerTheLookupsThroughTheIndexes() {
    for (MissingIndexesPlugin.Index index : MissingIndexesPlugin.INDEXES) {
      assertThat(indexedColumns(index.table(), index.name())).as(index.name()).containsExactly(index.column());
    }
    plugin.postProcessEngineBuild(engine);
    for (MissingIndexesPlugin.Index index : MissingIndexesPlugin.INDEXES) {
      assertThat(indexedColumns(index.table(), index.name())).as(index.name()).containsExactly(index.column());
    }
    assertThat(plan("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'a-task'"))
        .contains(MissingIndexesPlugin.TASK_PARENT.name());
    assertThat(plan("select ID_ from ACT_RU_JOB where EXCLUSIVE_ = true and LOCK_OWNER_ is not null"
        + " and LOCK_EXP_TIME_ >= current_timestamp")).contains(MissingIndexesPlugin.JOB_LOCK_EXPIRY.name());
    assertThat(plan("select * from ACT_RU_AUTHORIZATION where USER_ID_ in ('someone', '*')"))
        .contains(MissingIndexesPlugin.AUTHORIZATION_USER.name());
  }

  /** The database's plan for the statement, in capitals. */
  String plan(String sql) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      try (Statement statement = connection.createStatement()) {
        if (postgres) {
          // A test database holds a handful of tasks, where reading them all is cheaper than an index.
          statement.execute("set enable_seqscan = off");
        }
        StringBuilder lines = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("explain " + sql)) {
          while (rows.next()) {
            lines.append(rows.getString(1)).append('\n');
          }
        } finally {
          if (postgres) {
            statement.execute("reset enable_seqscan");
          }
        }
        return lines.toString().toUpperCase(Locale.ROOT);
      }
    });
  }

  /** The columns of the named index on the table, as the database's own catalogue lists them. */
  List<String> indexedColumns(String table, String indexName) {
    return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
      List<String> columns = new ArrayList<>();
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (rows.next()) {
            if (indexName.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
              columns.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
      return columns;
    });
  }
}
