package vn.nghean.review.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Statements on the engine's own tables at start, outside any transaction (an index, a repair). */
final class EngineSchema {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchema.class);

  /** What to do with a statement of an auto-committing connection. */
  interface Work {
    void run(Statement statement) throws SQLException;
  }

  private EngineSchema() {
  }

  /** Runs {@code work} on a connection of the engine's data source, each statement committed by itself. */
  static void run(ProcessEngine engine, String what, Work work) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        work.run(statement);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  /** Creates the index where it is missing; the same on PostgreSQL and H2. */
  static void createIndex(Statement statement, String name, String table, String column) {
    try {
      statement.execute("create index if not exists " + name + " on " + table + " (" + column + ")");
    } catch (SQLException e) {
      // Two nodes starting together on a new database may both try; the other one made it.
      LOG.warn("Index {} not created here ({}); another node may have made it", name, e.getMessage());
    }
  }
}
