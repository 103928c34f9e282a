package vn.nghean.review.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The analysis as a database user that owns only some of the tables, on a real PostgreSQL: it analyses
 * what it owns, names the rest in a warning, and fails nothing (the application's own start, with the
 * owner, is in {@code PlannerStatisticsTest}).
 */
class PlannerStatisticsPostgresIT {

  static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  static final String SCHEMA = "planner_statistics_it";
  static final String ROLE = "planner_statistics_it";

  Connection admin;
  ListAppender<ILoggingEvent> log = new ListAppender<>();
  Logger logger = (Logger) LoggerFactory.getLogger(PlannerStatistics.class);

  @BeforeEach
  void tables() throws SQLException {
    admin = DriverManager.getConnection(URL, "postgres", "");
    try (Statement sql = admin.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
      sql.execute("drop role if exists " + ROLE);
      sql.execute("create role " + ROLE + " login");
      sql.execute("create schema " + SCHEMA + " authorization " + ROLE);
      // The user's own table, and one of the DBA's in its schema.
      sql.execute("create table " + SCHEMA + ".act_ru_execution (id_ varchar(64) primary key)");
      sql.execute("alter table " + SCHEMA + ".act_ru_execution owner to " + ROLE);
      sql.execute("insert into " + SCHEMA + ".act_ru_execution select 'e' || i from generate_series(1, 500) i");
      sql.execute("create table " + SCHEMA + ".act_ru_task (id_ varchar(64) primary key)");
      sql.execute("grant select, insert on " + SCHEMA + ".act_ru_task to " + ROLE);
    }
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void drop() throws SQLException {
    logger.detachAppender(log);
    try (Statement sql = admin.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
      sql.execute("drop role if exists " + ROLE);
    }
    admin.close();
  }

  @Test
  void shouldAnalyseTheTablesItsUserOwnsAndNameTheOthersInAWarning() {
    PGSimpleDataSource user = new PGSimpleDataSource();
    user.setURL(URL);
    user.setUser(ROLE);
    user.setCurrentSchema(SCHEMA);
    PlannerStatistics statistics = new PlannerStatistics(user, new DataSourceTransactionManager(user));

    assertThat(statistics.refresh()).containsExactly("act_ru_execution");

    JdbcTemplate jdbc = new JdbcTemplate(user);
    Map<String, Object> execution = jdbc.queryForMap(
        "select reltuples from pg_class where oid = '" + SCHEMA + ".act_ru_execution'::regclass");
    assertThat(((Number) execution.get("reltuples")).longValue()).as("rows the planner counts").isEqualTo(500);
    Map<String, Object> task = jdbc.queryForMap(
        "select reltuples from pg_class where oid = '" + SCHEMA + ".act_ru_task'::regclass");
    assertThat(((Number) task.get("reltuples")).longValue()).as("never analysed").isEqualTo(-1);
    List<String> warnings = log.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(warnings).singleElement().asString().contains("act_ru_task").contains("act_ru_variable")
        .contains("does not own");
  }
}
