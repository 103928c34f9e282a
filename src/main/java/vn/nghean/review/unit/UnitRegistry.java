package vn.nghean.review.unit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nghean.review.shared.VietnamTime;

/**
 * The unit registry: its latest edition, with the period each unit exists in. Editions live in the
 * database ({@code registry_edition}); an administrator loads a new one without a rebuild
 * ({@link RegistryEditions}). The first start of an empty database takes the file at
 * {@code review.units.location} as edition 1. Each node keeps the latest edition in memory and
 * looks for a newer one at most every {@code review.units.refresh} (another node may have loaded it).
 */
@Component
public class UnitRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(UnitRegistry.class);
  /** Who loaded the first edition from the configured file. */
  public static final String SYSTEM = "hệ thống";

  /** One edition: its number, who loaded it and when, and its units in the file's order. */
  public record Edition(long id, Instant loadedAt, String loadedBy, String source, List<Unit> units,
      Map<String, Unit> byCode) {

    Edition(long id, Instant loadedAt, String loadedBy, String source, List<Unit> units) {
      this(id, loadedAt, loadedBy, source, List.copyOf(units), index(units));
    }

    private static Map<String, Unit> index(List<Unit> units) {
      Map<String, Unit> byCode = new LinkedHashMap<>();
      units.forEach(unit -> byCode.put(unit.code(), unit));
      return java.util.Collections.unmodifiableMap(byCode);
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final long refreshNanos;
  private volatile Edition current;
  private volatile long checkedAt;

  public UnitRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${review.units.location}") Resource location,
      @Value("${review.units.refresh:PT10S}") Duration refresh) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.refreshNanos = refresh.toNanos();
    this.current = latest().orElseGet(() -> seed(location));
    this.checkedAt = System.nanoTime();
    warnIfFileDiffers(location);
    LOG.info("Unit registry: edition {} with {} units ({})", current.id(), current.units().size(), current.source());
  }

  /** The latest edition, at most {@code review.units.refresh} old. */
  public Edition edition() {
    if (System.nanoTime() - checkedAt > refreshNanos) {
      Long latestId = jdbc.queryForObject("select max(id) from registry_edition", Long.class);
      if (latestId != null && latestId != current.id()) {
        latest().ifPresent(this::replaced);
      }
      checkedAt = System.nanoTime();
    }
    return current;
  }

  /** Every unit of the latest edition, whatever its period. */
  public List<Unit> all() {
    return edition().units();
  }

  /** The codes of every unit of the latest edition, whatever its period. */
  public List<String> codes() {
    return all().stream().map(Unit::code).toList();
  }

  /** The units that exist on that day, in the registry's order. */
  public List<Unit> on(LocalDate day) {
    return edition().units().stream().filter(unit -> unit.existsOn(day)).toList();
  }

  /** The units that exist today (in Vietnam, by the engine's clock). */
  public List<Unit> today() {
    return on(VietnamTime.today());
  }

  public Optional<Unit> find(String code) {
    return Optional.ofNullable(code == null ? null : edition().byCode().get(code));
  }

  /** The unit, which callers have validated exists. */
  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown unit " + code));
  }

  /** Makes an edition this node has just committed the current one. */
  void replaced(Edition edition) {
    if (current == null || edition.id() > current.id()) {
      current = edition;
      LOG.info("Unit registry: edition {} with {} units, loaded by {}", edition.id(), edition.units().size(),
          edition.loadedBy());
    }
  }

  private Optional<Edition> latest() {
    return jdbc.query("select id, loaded_at, loaded_by, source, content from registry_edition"
        + " where id = (select max(id) from registry_edition)", (row, number) -> {
          RegistryFile.Parsed parsed = RegistryFile.parse(row.getString("content"));
          if (!parsed.valid()) {
            // Every edition was validated before it was stored; this is a database edited by hand.
            throw new IllegalStateException("Unit registry edition " + row.getLong("id") + " is invalid: "
                + parsed.problems());
          }
          return new Edition(row.getLong("id"), row.getTimestamp("loaded_at").toInstant(), row.getString("loaded_by"),
              row.getString("source"), parsed.units());
        }).stream().findFirst();
  }

  /** Edition 1, from the configured file; another node starting at the same time may store it first. */
  private Edition seed(Resource location) {
    String text = text(location);
    RegistryFile.Parsed parsed = RegistryFile.parse(text);
    if (!parsed.valid()) {
      throw new IllegalStateException("Unit registry " + location.getDescription() + " is invalid: "
          + String.join("; ", parsed.problems()));
    }
    Instant now = VietnamTime.nowInstant();
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update("insert into registry_edition"
          + " (id, loaded_at, loaded_by, source, unit_count, changes, content) values (1, ?, ?, ?, ?, ?, ?)",
          Timestamp.from(now), SYSTEM, source(location), parsed.units().size(),
          "Phiên bản đầu tiên: " + parsed.units().size() + " đơn vị", text));
      return new Edition(1, now, SYSTEM, source(location), parsed.units());
    } catch (DuplicateKeyException seededElsewhere) {
      return latest().orElseThrow(() -> seededElsewhere);
    }
  }

  /** An operator who edits the file after the first start is told that the database now decides. */
  private void warnIfFileDiffers(Resource location) {
    RegistryFile.Parsed file = RegistryFile.parse(text(location));
    if (file.valid() && !file.units().equals(current.units())) {
      LOG.warn("Unit registry: {} differs from edition {} in the database, which is the one in use; load the file"
          + " as a new edition (Admin, or PUT /api/registry) to use it", location.getDescription(), current.id());
    }
  }

  static String source(Resource location) {
    String description = location.getFilename() != null ? location.getFilename() : location.getDescription();
    return description.length() > 200 ? description.substring(0, 200) : description;
  }

  private static String text(Resource location) {
    try {
      return new String(location.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot read the unit registry " + location.getDescription(), e);
    }
  }
}
