package vn.nghean.review.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.nghean.review.support.AppNode;

/**
 * {@link BackupRestoreScenario} on PostgreSQL (127.0.0.1:5432, user {@code postgres}): backed up with
 * {@code pg_dump -Fc} while the node runs, restored with {@code createdb} and {@code pg_restore} into
 * a new, empty database, with the README's commands. The application's own backup answers that
 * pg_dump is the way.
 */
class BackupRestorePostgresIT extends BackupRestoreScenario {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String HOST = "127.0.0.1";
  static final String USER = "postgres";

  @Override
  String database() {
    return "postgres";
  }

  @Override
  int smtpPort() {
    return 3028;
  }

  static String databaseName(String name) {
    return "soket_backup_" + name;
  }

  @Override
  List<String> createDatabase(String name) throws SQLException {
    try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + databaseName(name) + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + databaseName(name));
    }
    return arguments(name);
  }

  static List<String> arguments(String name) {
    return List.of("--spring.datasource.url=" + SERVER + databaseName(name), "--spring.datasource.username=" + USER,
        "--spring.datasource.password=");
  }

  /** {@code pg_dump -Fc}, the README's command, while the node runs. */
  @Override
  Path backUp(AppNode node) throws Exception {
    var answer = node.send("POST", "/api/backups", "demo", "");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(answer.body()).contains("pg_dump");
    Path file = files().resolve(databaseName(ORIGINAL) + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".dump").toAbsolutePath();
    run("pg_dump", "-h", HOST, "-U", USER, "-Fc", "-f", file.toString(), databaseName(ORIGINAL));
    return file;
  }

  /** The README's restore: an empty database from template0, then pg_restore in one transaction. */
  @Override
  List<String> restore(Path backup, String name) throws Exception {
    try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + databaseName(name) + " WITH (FORCE)");
    }
    run("createdb", "-h", HOST, "-U", USER, "-T", "template0", databaseName(name));
    run("pg_restore", "-h", HOST, "-U", USER, "-d", databaseName(name), "--no-owner", "--single-transaction",
        backup.toString());
    return arguments(name);
  }

  @Override
  Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(SERVER + databaseName(name), USER, "");
  }
}
