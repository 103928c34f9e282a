package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The start-up lock on a real PostgreSQL, without an application around it: a node waits while another
 * holds the lock and goes on once it is free; it gives up with a message after its wait; and the
 * connection it held goes back to the pool without the lock. (Two whole nodes starting together are
 * in {@code TwoNodesPostgresIT}.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartupLockPostgresIT {

  static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  HikariDataSource pool;
  Connection otherNode;

  @BeforeEach
  void connect() throws SQLException {
    pool = new HikariDataSource();
    pool.setJdbcUrl(URL);
    pool.setUsername("postgres");
    pool.setPassword("");
    pool.setMaximumPoolSize(2);
    otherNode = DriverManager.getConnection(URL, "postgres", "");
  }

  @AfterEach
  void close() throws SQLException {
    otherNode.close();
    pool.close();
  }

  @Test
  void shouldWaitForTheNodeSettingTheDatabaseUpAndGoOnOnceItIsDone() throws Exception {
    assertThat(call(otherNode, "pg_try_advisory_lock")).isTrue();
    StartupLock lock = new StartupLock(pool, Duration.ofSeconds(30));

    CompletableFuture<Void> starting = CompletableFuture.runAsync(lock::acquire);
    Thread.sleep(1_000);
    assertThat(starting).as("waiting while the other node holds the lock").isNotDone();

    call(otherNode, "pg_advisory_unlock");
    starting.get(10, TimeUnit.SECONDS);
    assertThat(lock.held()).isTrue();
    assertThat(call(otherNode, "pg_try_advisory_lock")).as("the other node, while this one holds it").isFalse();

    lock.release();
    assertThat(lock.held()).isFalse();
    assertThat(call(otherNode, "pg_try_advisory_lock")).as("the other node, once released").isTrue();
    call(otherNode, "pg_advisory_unlock");
    // The connection is back in the pool, without the lock and with the server's lock timeout.
    try (Connection pooled = pool.getConnection(); Statement statement = pooled.createStatement();
        ResultSet timeout = statement.executeQuery("show lock_timeout")) {
      timeout.next();
      assertThat(timeout.getString(1)).isEqualTo("0");
    }
  }

  @Test
  void shouldFailItsStartWithAMessageWhenTheOtherNodeHoldsTheLockTooLong() throws Exception {
    assertThat(call(otherNode, "pg_try_advisory_lock")).isTrue();
    StartupLock lock = new StartupLock(pool, Duration.ofSeconds(1));

    long started = System.nanoTime();
    assertThatThrownBy(lock::acquire).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("longer than PT1S").hasMessageContaining("review.startup.lock-wait")
        .hasMessageContaining("pg_locks");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
    assertThat(lock.held()).isFalse();
    call(otherNode, "pg_advisory_unlock");
  }

  private static boolean call(Connection connection, String function) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select " + function + "(" + StartupLock.KEY + ")")) {
      result.next();
      return result.getBoolean(1);
    }
  }
}
