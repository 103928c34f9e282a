package vn.nghean.review.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node of a cluster at a time sets the database up: from before the engine creates or updates its
 * schema to after the last start-up step of the application (the province's groups and grants, the
 * units' groups, the registry's accounts, the demo), the starting node holds a PostgreSQL advisory
 * lock, and a node starting at the same time waits for it, then finds everything made.
 *
 * <p>Why: two nodes of a new cluster started together both created the engine's tables, and the second
 * failed its start ({@code duplicate key value violates unique constraint "pg_type_typname_nsp_index"});
 * on an existing database both ran the start-up steps, and one failed updating a Tasklist filter the
 * other had just updated. Flyway locks its own migrations; the engine and the start-up steps did not.
 *
 * <p>The lock belongs to the database session of one connection taken from the pool for the start: if
 * the node dies, PostgreSQL ends its session and the lock with it, so a node killed during its start
 * never holds the others back. It is released when the application is ready, or when its start fails
 * or it stops before that. A node that waits longer than {@code review.startup.lock-wait} (10 minutes)
 * fails its start with a message that says how to find the node holding the lock, rather than wait
 * for ever behind a start that hangs. On H2 there is nothing to lock: the database file is opened by
 * one application only.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: the application's, "so-ket" in ASCII. */
  static final long KEY = 0x736f2d6b6574L;

  /** PostgreSQL's answer to a lock not obtained within {@code lock_timeout}. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final DataSource dataSource;
  private final Duration wait;
  private Connection held;

  public StartupLock(DataSource dataSource, @Value("${review.startup.lock-wait}") Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  /** Before the engine touches its schema: the plugins' first call. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!call(connection, "pg_try_advisory_lock")) {
        LOG.info("Start-up: another node is setting the database up; waiting for it to finish (at most {})", wait);
        long started = System.nanoTime();
        waitFor(connection);
        LOG.info("Start-up: the other node finished after {} ms; this node goes on",
            (System.nanoTime() - started) / 1_000_000);
      }
      held = connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        throw new IllegalStateException("Start-up: another node has been setting the database up for longer than "
            + wait + " (review.startup.lock-wait); its start may hang. The node holding the lock: select pid,"
            + " client_addr, backend_start from pg_stat_activity where pid in (select pid from pg_locks where"
            + " locktype = 'advisory' and granted); stop that node, or end its session with pg_terminate_backend(pid),"
            + " and start this one again", e);
      }
      throw new IllegalStateException("Start-up: cannot take the database's start-up lock", e);
    }
  }

  /** Waits for the lock at most {@link #wait}; the session's lock timeout is reset before it goes on. */
  private void waitFor(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set lock_timeout = " + Math.max(1, wait.toMillis()));
      try {
        call(connection, "pg_advisory_lock");
      } finally {
        statement.execute("reset lock_timeout");
      }
    }
  }

  /** Calls one of PostgreSQL's advisory lock functions on the key; false when it answered false. */
  private static boolean call(Connection connection, String function) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)::text")) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return !"false".equals(result.getString(1));
      }
    }
  }

  /** After every other start-up step (each listens to the same event with a higher precedence). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void ready() {
    release();
  }

  /** A start that failed, or a stop before the application was ready: before the pool closes. */
  @PreDestroy
  public void stopped() {
    release();
  }

  /**
   * Unlocks before the connection goes back to the pool, where a session's lock would otherwise stay
   * held for as long as the pool keeps the connection.
   */
  synchronized void release() {
    if (held == null) {
      return;
    }
    Connection connection = held;
    held = null;
    try {
      call(connection, "pg_advisory_unlock");
      connection.close();
    } catch (SQLException e) {
      // The session's lock must not go back to the pool: the connection is thrown away instead.
      LOG.warn("Start-up: the start-up lock could not be released cleanly ({}); its connection is discarded",
          e.getMessage());
      if (dataSource instanceof HikariDataSource pool) {
        pool.evictConnection(connection);
      } else {
        closeQuietly(connection);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to do
      }
    }
  }

  synchronized boolean held() {
    return held != null;
  }
}
