package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * One migration history for both databases: an empty H2 and an empty PostgreSQL database migrated by
 * the application's own Flyway settings (the common migrations, each database's own, the Java ones)
 * end with the same application tables, columns, nullability and kinds of type, and the same history.
 */
class MigrationSchemasPostgresIT {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  /** The engine's tables are the engine's (it creates them itself); Flyway's history is compared apart. */
  static final Set<String> NOT_OURS = Set.of("flyway_schema_history");

  /** Only the data source, Flyway and the application's Java migrations. */
  @Configuration
  @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
  @ComponentScan(basePackages = "vn.nghean.review.campaign", useDefaultFilters = false,
      includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.V\\d+__[A-Za-z]+"))
  static class MigrationsOnly {}

  @Test
  void anEmptyH2AndAnEmptyPostgresqlShouldEndWithTheSameSchema() throws SQLException {
    String database = "soket_migrations_" + ProcessHandle.current().pid();
    try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
    try {
      Schema h2 = migrated("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1", "sa");
      Schema postgres = migrated(SERVER + database, "postgres");
      assertThat(h2.tables()).as("the application's tables").isNotEmpty().isEqualTo(postgres.tables());
      assertThat(h2.history()).as("the migrations applied, in order").isEqualTo(postgres.history());
    } finally {
      try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
          Statement statement = server.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  record Schema(TreeMap<String, TreeSet<String>> tables, String history) {}

  static Schema migrated(String url, String user) throws SQLException {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MigrationsOnly.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
            "--spring.main.banner-mode=off");
        Connection connection = context.getBean(DataSource.class).getConnection()) {
      TreeMap<String, TreeSet<String>> tables = new TreeMap<>();
      DatabaseMetaData metadata = connection.getMetaData();
      String schema = connection.getSchema();
      try (ResultSet columns = metadata.getColumns(null, schema, "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
          if (NOT_OURS.contains(table)) {
            continue;
          }
          tables.computeIfAbsent(table, ignored -> new TreeSet<>()).add(columns.getString("COLUMN_NAME")
              .toLowerCase(java.util.Locale.ROOT) + " " + kind(columns.getInt("DATA_TYPE"))
              + ("NO".equals(columns.getString("IS_NULLABLE")) ? " not null" : ""));
        }
      }
      StringBuilder history = new StringBuilder();
      try (Statement statement = connection.createStatement();
          ResultSet applied = statement.executeQuery("select \"version\", \"description\", \"type\", \"success\""
              + " from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"")) {
        while (applied.next()) {
          history.append(applied.getString(1)).append(' ').append(applied.getString(2)).append(' ')
              .append(applied.getString(3)).append(' ').append(applied.getBoolean(4)).append('\n');
        }
      }
      return new Schema(tables, history.toString());
    }
  }

  /** A column's kind of type, as both databases' drivers can agree on it (H2 CLOB = PostgreSQL text...). */
  static String kind(int type) {
    return switch (type) {
      case Types.VARCHAR, Types.CHAR, Types.CLOB, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCLOB -> "text";
      case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> "binary";
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
      case Types.BIGINT -> "bigint";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
      case Types.DATE -> "date";
      case Types.BOOLEAN, Types.BIT -> "boolean";
      case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.FLOAT -> "number";
      default -> "type " + type;
    };
  }
}
