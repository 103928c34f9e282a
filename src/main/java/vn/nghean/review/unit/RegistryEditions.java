package vn.nghean.review.unit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.system.ConflictException;
import vn.nghean.review.system.NotFoundException;

/**
 * New editions of the unit registry, loaded by an administrator without a rebuild. An edition is
 * judged as a whole and refused, with every problem in Vietnamese and nothing changed, when a line
 * cannot be read, a code appears twice, a kind is unknown, a unit changes kind, or a unit that an
 * open campaign still waits for would leave the registry. An accepted edition is kept whole, with who
 * loaded it, when, from what and what it changed.
 */
@Service
class RegistryEditions {

  /** What an edition changes, and the problems that refuse it. */
  public record Changes(List<String> added, List<String> removed, List<String> changed) {

    public boolean none() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "thêm 130, bỏ 0, sửa 21". */
    public String summary() {
      return "thêm " + added.size() + ", bỏ " + removed.size() + ", sửa " + changed.size();
    }

    String text() {
      List<String> lines = new ArrayList<>();
      lines.add(summary());
      added.forEach(line -> lines.add("Thêm: " + line));
      removed.forEach(line -> lines.add("Bỏ: " + line));
      changed.forEach(line -> lines.add("Sửa: " + line));
      return String.join("\n", lines);
    }
  }

  /** An accepted edition as the list of editions shows it (without its file). */
  public record EditionSummary(long id, Instant loadedAt, String loadedBy, String source, int unitCount,
      List<String> changes) {}

  /** The verdict on a proposed edition: what it would change, or why it cannot be loaded. */
  public record Verdict(Long id, int unitCount, Changes changes, List<String> problems) {}

  private final JdbcTemplate jdbc;
  private final UnitRegistry registry;
  private final UnitsAwaited awaited;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  RegistryEditions(JdbcTemplate jdbc, UnitRegistry registry, UnitsAwaited awaited,
      ApplicationEventPublisher events, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.awaited = awaited;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What loading the file would change; refuses it as {@link #load} would, and changes nothing. */
  @Transactional(readOnly = true)
  public Verdict check(String text) {
    UnitRegistry.Edition current = latest();
    RegistryFile.Parsed parsed = RegistryFile.parse(text);
    List<String> problems = new ArrayList<>(parsed.problems());
    Changes changes = parsed.valid() ? changes(current, parsed.units(), problems) : null;
    if (changes != null && changes.none() && problems.isEmpty()) {
      problems.add("danh mục giống hệt phiên bản " + current.id() + " đang dùng: không có gì để nạp");
    }
    return new Verdict(null, parsed.units().size(), changes, List.copyOf(problems));
  }

  /**
   * Loads the file as the next edition, in a transaction of its own; once it is committed, this node
   * uses it and the units' groups are brought up to date ({@link RegistryEditionLoaded}).
   *
   * @throws InvalidInputException with every problem when the edition is refused
   * @throws ConflictException when another edition was loaded meanwhile
   */
  public Verdict load(String text, String source, String loadedBy) {
    record Loaded(UnitRegistry.Edition edition, Changes changes) {}
    Loaded loaded = transaction.execute(status -> {
      Verdict verdict = check(text);
      InvalidInputException.throwIfAny(verdict.problems().stream().map(p -> "danh mục đơn vị: " + p).toList());
      long id = latest().id() + 1;
      Instant now = VietnamTime.nowInstant();
      List<Unit> units = RegistryFile.parse(text).units();
      String from = source == null || source.isBlank() ? "tải lên" : source.strip();
      from = from.length() > 200 ? from.substring(0, 200) : from;
      try {
        jdbc.update("insert into registry_edition (id, loaded_at, loaded_by, source, unit_count, changes, content)"
            + " values (?, ?, ?, ?, ?, ?, ?)", id, Timestamp.from(now), loadedBy, from, units.size(),
            verdict.changes().text(), text);
      } catch (DuplicateKeyException loadedMeanwhile) {
        throw new ConflictException("Một phiên bản danh mục khác vừa được nạp; tải lại danh mục hiện hành rồi thử lại.");
      }
      return new Loaded(new UnitRegistry.Edition(id, now, loadedBy, from, units), verdict.changes());
    });
    registry.replaced(loaded.edition());
    events.publishEvent(new RegistryEditionLoaded(loaded.edition()));
    return new Verdict(loaded.edition().id(), loaded.edition().units().size(), loaded.changes(), List.of());
  }

  /** Every accepted edition, the latest first. */
  @Transactional(readOnly = true)
  public List<EditionSummary> editions() {
    return jdbc.query("select id, loaded_at, loaded_by, source, unit_count, changes from registry_edition"
        + " order by id desc", (row, number) -> new EditionSummary(row.getLong("id"),
            row.getTimestamp("loaded_at").toInstant(), row.getString("loaded_by"), row.getString("source"),
            row.getInt("unit_count"), List.of(row.getString("changes").split("\n"))));
  }

  /** The file of an edition, as it was loaded. */
  @Transactional(readOnly = true)
  public String content(long id) {
    return jdbc.query("select content from registry_edition where id = ?", (row, number) -> row.getString(1), id)
        .stream().findFirst().orElseThrow(() -> new NotFoundException("Không có phiên bản danh mục số " + id));
  }

  /** The file of the edition in use. */
  @Transactional(readOnly = true)
  public String currentContent() {
    return content(latest().id());
  }

  /** The latest edition as the database holds it now, not as this node last saw it. */
  private UnitRegistry.Edition latest() {
    Long id = jdbc.queryForObject("select max(id) from registry_edition", Long.class);
    UnitRegistry.Edition known = registry.edition();
    if (id == null || id == known.id()) {
      return known;
    }
    RegistryFile.Parsed parsed = RegistryFile.parse(content(id));
    return new UnitRegistry.Edition(id, known.loadedAt(), known.loadedBy(), known.source(), parsed.units());
  }

  private Changes changes(UnitRegistry.Edition current, List<Unit> proposed, List<String> problems) {
    Map<String, Unit> before = current.byCode();
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (Unit unit : proposed) {
      Unit old = before.get(unit.code());
      if (old == null) {
        added.add(describe(unit));
        continue;
      }
      kept.add(unit.code());
      if (old.kind() != unit.kind()) {
        problems.add("mã " + unit.code() + " là " + kindName(old.kind()) + " ở phiên bản " + current.id()
            + ", không đổi thành " + kindName(unit.kind()) + " được: một mã không dùng lại cho đơn vị khác, hãy dùng mã mới");
      }
      String difference = difference(old, unit);
      if (!difference.isEmpty()) {
        changed.add(unit.code() + ": " + difference);
      }
    }
    List<String> removedCodes = before.keySet().stream().filter(code -> !kept.contains(code)).toList();
    Map<String, List<String>> waitedFor = awaited.byOpenCampaigns(removedCodes);
    waitedFor.forEach((code, campaigns) -> problems.add(before.get(code).name() + " (mã " + code
        + ") bị bỏ khỏi danh mục trong khi đợt sơ kết " + String.join(", ", campaigns)
        + " còn chờ báo cáo của đơn vị: giữ đơn vị trong danh mục (có thể ghi ngày kết thúc) cho đến khi đợt kết thúc"));
    List<String> removed = removedCodes.stream().map(code -> describe(before.get(code))).toList();
    return new Changes(List.copyOf(added), removed, List.copyOf(changed));
  }

  private static String describe(Unit unit) {
    return unit.code() + " (" + unit.name() + ")";
  }

  private static String difference(Unit old, Unit now) {
    List<String> parts = new ArrayList<>();
    if (!old.name().equals(now.name())) {
      parts.add("tên «" + old.name() + "» thành «" + now.name() + "»");
    }
    if (!Objects.equals(old.validFrom(), now.validFrom())) {
      parts.add("tồn tại từ ngày " + day(now.validFrom()));
    }
    if (!Objects.equals(old.validTo(), now.validTo())) {
      parts.add("tồn tại đến hết ngày " + day(now.validTo()));
    }
    if (!old.officerEmails().equals(now.officerEmails()) || !old.leaderEmails().equals(now.leaderEmails())) {
      parts.add("địa chỉ thư điện tử");
    }
    if (!Objects.equals(old.gsoCode(), now.gsoCode())) {
      parts.add("mã đơn vị hành chính " + (now.gsoCode() == null ? "(bỏ trống)" : now.gsoCode()));
    }
    if (!Objects.equals(old.formedFrom(), now.formedFrom())) {
      parts.add("đơn vị hình thành từ");
    }
    return String.join("; ", parts);
  }

  private static String day(java.time.LocalDate day) {
    return day == null ? "(không giới hạn)" : VietnamTime.formatDay(day);
  }

  static String kindName(UnitKind kind) {
    return switch (kind) {
      case DISTRICT -> "UBND cấp huyện (DISTRICT)";
      case COMMUNE -> "UBND xã, phường (COMMUNE)";
      case DEPARTMENT -> "sở, ngành, đoàn thể (DEPARTMENT)";
    };
  }
}
