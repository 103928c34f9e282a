package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The H2 backup on a real file database: a new file each time, never over another, named by the
 * Vietnamese time, and a zip that unpacks into a database holding what was committed before it.
 */
class BackupsTest {

  static final Clock AT = Clock.fixed(Instant.parse("2025-01-31T19:00:05Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @Test
  void shouldBackUpAnOpenDatabaseIntoNewFilesThatRestore() throws Exception {
    String url = "jdbc:h2:file:" + temp.resolve("data/so-ket") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    // Kept open, as the application's pool keeps it: the file is locked the whole time.
    try (Connection open = dataSource.getConnection(); Statement sql = open.createStatement()) {
      sql.execute("create table report(id int primary key, text varchar(100), file blob)");
      sql.execute("insert into report values (1, 'trước khi sao lưu', X'00FF10')");
      Backups backups = new Backups(dataSource, temp.resolve("backups"), AT);

      Backups.BackupFile first = backups.create();
      sql.execute("insert into report values (2, 'sau khi sao lưu', null)");
      Backups.BackupFile second = backups.create();

      // 20:00 in Hanoi; the second of the same second gets a number, and the first is untouched.
      assertThat(first.name()).isEqualTo("so-ket-20250201-020005.zip");
      assertThat(second.name()).isEqualTo("so-ket-20250201-020005-2.zip");
      assertThat(first.databaseFile()).isEqualTo("so-ket.mv.db");
      assertThat(first.size()).isEqualTo(Files.size(temp.resolve("backups").resolve(first.name()))).isPositive();
      assertThat(first.sha256()).hasSize(64).isNotEqualTo(second.sha256());
      try (var files = Files.list(temp.resolve("backups"))) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .as("no partial file left").containsExactlyInAnyOrder(first.name(), second.name());
      }
      assertThat(backups.list()).extracting(Backups.BackupFile::name).containsExactlyInAnyOrder(first.name(),
          second.name());

      assertThat(restoredRows(temp.resolve("backups").resolve(first.name()), temp.resolve("restored-1")))
          .containsExactly("1 trước khi sao lưu 00ff10");
      assertThat(restoredRows(temp.resolve("backups").resolve(second.name()), temp.resolve("restored-2")))
          .containsExactly("1 trước khi sao lưu 00ff10", "2 sau khi sao lưu null");
    }
  }

  @Test
  void shouldRefuseAnInMemoryDatabaseAndListNothingWithoutADirectory() {
    Backups backups = new Backups(new DriverManagerDataSource("jdbc:h2:mem:backups-test", "sa", ""),
        temp.resolve("none"), AT);
    assertThat(backups.list()).isEmpty();
    assertThatThrownBy(backups::create).isInstanceOf(ConflictException.class).hasMessageContaining("bộ nhớ");
    assertThat(temp.resolve("none")).doesNotExist();
  }

  /** Unpacks the zip into an empty directory, as the README says, and reads the table. */
  static List<String> restoredRows(Path zip, Path directory) throws IOException, SQLException {
    Files.createDirectories(directory);
    String name;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      ZipEntry entry = entries.getNextEntry();
      name = entry.getName();
      Files.copy(entries, directory.resolve(name));
      assertThat(entries.getNextEntry()).isNull();
    }
    String database = directory.resolve(name.substring(0, name.length() - ".mv.db".length())).toString();
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", "");
        Statement sql = db.createStatement();
        ResultSet result = sql.executeQuery("select id, text, rawtohex(file) from report order by id")) {
      while (result.next()) {
        rows.add(result.getInt(1) + " " + result.getString(2) + " " + result.getString(3));
      }
    }
    return rows;
  }
}
