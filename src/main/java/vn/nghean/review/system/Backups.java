package vn.nghean.review.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.nghean.review.shared.VietnamTime;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} copies the database file into a
 * zip while the application runs (transactionally consistent, nothing locked), into
 * {@code review.backup.directory}, one new file each time, never over another. PostgreSQL is backed up
 * with {@code pg_dump} from outside (README, "Backups"): asked here, the answer says so.
 */
@Component
public class Backups {

  private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
  static final String PREFIX = "so-ket-";
  static final String SUFFIX = ".zip";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(VietnamTime.ZONE);
  /** H2's error when the database user lacks ADMIN rights, which BACKUP needs. */
  private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

  /** A backup in the directory; {@code sha256} and {@code databaseFile} only for the one just made. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BackupFile(String name, long size, Instant createdAt, String sha256, String databaseFile,
      String path) {}

  private final DataSource dataSource;
  private final Path directory;
  private final Clock clock;

  @Autowired
  Backups(DataSource dataSource, @Value("${review.backup.directory}") Path directory) {
    this(dataSource, directory, Clock.systemUTC());
  }

  Backups(DataSource dataSource, Path directory, Clock clock) {
    this.dataSource = dataSource;
    this.directory = directory.toAbsolutePath().normalize();
    this.clock = clock;
  }

  /**
   * Backs up the running H2 database into a new zip file; one backup at a time. The file appears under
   * its name only once complete and read back (every entry's checksum), so a copy job never takes a
   * half-written one.
   *
   * @throws ConflictException when the database is not an H2 file database this node can back up
   */
  public synchronized BackupFile create() {
    requireH2FileDatabase();
    try {
      Files.createDirectories(directory);
      Path target = reserveName();
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      try {
        Files.deleteIfExists(partial);
        Instant started = clock.instant();
        try (Connection connection = dataSource.getConnection();
            PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
          backup.setString(1, partial.toString());
          backup.execute();
        }
        String[] verified = verify(partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        BackupFile file = new BackupFile(target.getFileName().toString(), Files.size(target), started, verified[1],
            verified[0], target.toString());
        LOG.info("Backup {} written: {} bytes, SHA-256 {}", file.path(), file.size(), file.sha256());
        return file;
      } catch (SQLException | IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        Files.deleteIfExists(target);
        if (e instanceof SQLException sql && sql.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED) {
          throw new ConflictException("Người dùng cơ sở dữ liệu H2 của ứng dụng không có quyền quản trị (ADMIN),"
              + " nên không sao lưu được. Hãy cấp quyền ADMIN cho người dùng này (DB_USER).");
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Backup into " + directory + " failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Backup into " + directory + " failed", e);
    }
  }

  /** The backups in the directory, newest first (none if it does not exist yet). */
  public List<BackupFile> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<BackupFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path path : entries.toList()) {
        String name = path.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(path) && Files.size(path) > 0) {
          files.add(new BackupFile(name, Files.size(path), Files.getLastModifiedTime(path).toInstant(), null, null,
              path.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
    files.sort(Comparator.comparing(BackupFile::createdAt).thenComparing(BackupFile::name).reversed());
    return files;
  }

  public Path directory() {
    return directory;
  }

  /**
   * A file name with the time (Vietnamese) that no other file has: created empty at once, so two
   * backups in the same second get two names ({@code -2}, {@code -3}, ...) and none replaces another.
   */
  private Path reserveName() throws IOException {
    String stamp = STAMP.format(clock.instant());
    for (int n = 1; ; n++) {
      Path candidate = directory.resolve(PREFIX + stamp + (n == 1 ? "" : "-" + n) + SUFFIX);
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException taken) {
        // next number
      }
    }
  }

  /**
   * Reads the zip back to its end, checking every entry's CRC, and requires the database file in it.
   *
   * @return the database file's name in the zip and the zip's SHA-256
   */
  private static String[] verify(Path zip) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String databaseFile = null;
    try (InputStream file = new DigestInputStream(Files.newInputStream(zip), sha256);
        ZipInputStream entries = new ZipInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        if (entry.getName().endsWith(".mv.db")) {
          databaseFile = entry.getName();
        }
        while (entries.read(buffer) >= 0) {
          // the CRC is checked at the entry's end
        }
      }
      while (file.read(buffer) >= 0) {
        // the rest of the file, for the digest
      }
    }
    if (databaseFile == null) {
      throw new IOException("The backup " + zip + " holds no database file (*.mv.db)");
    }
    return new String[] {databaseFile, HexFormat.of().formatHex(sha256.digest())};
  }

  private void requireH2FileDatabase() {
    String product;
    String url;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      product = metaData.getDatabaseProductName();
      url = metaData.getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
    String lowerUrl = url.toLowerCase(Locale.ROOT);
    if ("PostgreSQL".equalsIgnoreCase(product)) {
      throw new ConflictException("Cơ sở dữ liệu là PostgreSQL: ứng dụng không tự sao lưu. Hãy sao lưu bằng"
          + " pg_dump -Fc trong khi hệ thống vẫn chạy và phục hồi bằng pg_restore (README, mục «Backups»).");
    }
    if (!"H2".equalsIgnoreCase(product)) {
      throw new ConflictException("Ứng dụng chỉ tự sao lưu được cơ sở dữ liệu H2; cơ sở dữ liệu " + product
          + " hãy sao lưu bằng công cụ của nó.");
    }
    if (lowerUrl.startsWith("jdbc:h2:mem:")) {
      throw new ConflictException("Cơ sở dữ liệu H2 chỉ nằm trong bộ nhớ (jdbc:h2:mem): không có tệp nào để sao"
          + " lưu, dữ liệu mất khi ứng dụng dừng.");
    }
    if (lowerUrl.startsWith("jdbc:h2:tcp:") || lowerUrl.startsWith("jdbc:h2:ssl:")) {
      throw new ConflictException("Cơ sở dữ liệu H2 chạy trên máy chủ riêng (" + url.substring(0, 11)
          + "): hãy sao lưu trên máy chủ đó bằng lệnh BACKUP TO của H2.");
    }
  }
}
