package vn.nghean.review.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.support.AppNode;

/**
 * {@link BackupRestoreScenario} on the H2 file database: backed up by an administrator's
 * {@code POST /api/backups} while the node runs, restored by unpacking the zip into an empty data
 * directory.
 */
class BackupRestoreIT extends BackupRestoreScenario {

  final List<String> made = new ArrayList<>();

  @Override
  String database() {
    return "h2";
  }

  @Override
  int smtpPort() {
    return 3027;
  }

  /** The data directory of the database called {@code name}; its file is {@code so-ket.mv.db}, as in production. */
  Path data(String name) {
    return files().resolve(name);
  }

  String url(String name) {
    return "jdbc:h2:file:./" + data(name).resolve("so-ket") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  @Override
  List<String> createDatabase(String name) {
    return List.of("--spring.datasource.url=" + url(name));
  }

  @Override
  Path backUp(AppNode node) throws Exception {
    assertThat(node.send("POST", "/api/backups", "pv01officer", "").statusCode()).as("PV01's backup").isEqualTo(403);
    var response = node.send("POST", "/api/backups", "demo", "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode backup = json.readTree(response.body());
    String fileName = backup.get("name").asText();
    assertThat(fileName).matches("so-ket-\\d{8}-\\d{6}(-\\d+)?\\.zip").isNotIn(made);
    assertThat(backup.get("databaseFile").asText()).isEqualTo("so-ket.mv.db");
    Path file = files().resolve("backups").resolve(fileName);
    assertThat(backup.get("size").asLong()).isEqualTo(Files.size(file)).isPositive();
    made.add(fileName);
    // Every backup made is listed, none replaced by a later one.
    JsonNode listed = json.readTree(node.get("/api/backups", "demo").body());
    List<String> names = new ArrayList<>();
    listed.forEach(entry -> names.add(entry.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrderElementsOf(made);
    return file;
  }

  /** The README's restore: unpack the zip into an empty data directory (as {@code unzip backup.zip -d data} does). */
  @Override
  List<String> restore(Path backup, String name) throws IOException {
    Path directory = data(name);
    assertThat(directory).doesNotExist();
    Files.createDirectories(directory);
    try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Files.copy(zip, directory.resolve(Path.of(entry.getName()).getFileName()));
      }
    }
    try (var files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("so-ket.mv.db");
    }
    return createDatabase(name);
  }

  @Override
  Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name) + ";IFEXISTS=TRUE", "sa", "");
  }
}
