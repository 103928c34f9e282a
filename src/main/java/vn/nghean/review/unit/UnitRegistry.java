package vn.nghean.review.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The participating units, read once at start-up from a semicolon-separated UTF-8 file
 * ({@code review.units.location}): point it at a file outside the jar to edit the list without a
 * rebuild.
 */
@Component
public class UnitRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(UnitRegistry.class);
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,20}");

  private final Map<String, Unit> units;

  public UnitRegistry(@Value("${review.units.location}") Resource location) throws IOException {
    this.units = Collections.unmodifiableMap(read(location));
    LOG.info("Unit registry: {} units from {}", units.size(), location.getDescription());
  }

  static Map<String, Unit> read(Resource location) throws IOException {
    Map<String, Unit> read = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(location.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      boolean header = true;
      while ((line = in.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        Unit unit = parse(trimmed, number);
        if (read.putIfAbsent(unit.code(), unit) != null) {
          throw new IllegalStateException("Unit registry line " + number + ": duplicate code " + unit.code());
        }
      }
    }
    if (read.isEmpty()) {
      throw new IllegalStateException("Unit registry " + location.getDescription() + " lists no unit");
    }
    return read;
  }

  private static Unit parse(String line, int number) {
    String[] cells = line.split(";", -1);
    if (cells.length != 5) {
      throw new IllegalStateException("Unit registry line " + number + ": expected 5 columns, found " + cells.length);
    }
    String code = cells[0].strip();
    if (!CODE.matcher(code).matches()) {
      throw new IllegalStateException("Unit registry line " + number + ": code '" + code
          + "' must be 2-20 upper-case ASCII letters or digits");
    }
    UnitKind kind;
    try {
      kind = UnitKind.valueOf(cells[1].strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Unit registry line " + number + ": kind must be DISTRICT or DEPARTMENT", e);
    }
    String name = cells[2].strip();
    if (name.isEmpty()) {
      throw new IllegalStateException("Unit registry line " + number + ": name is empty");
    }
    return new Unit(code, kind, name, emails(cells[3]), emails(cells[4]));
  }

  private static List<String> emails(String cell) {
    return Arrays.stream(cell.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  public List<Unit> all() {
    return new ArrayList<>(units.values());
  }

  public List<String> codes() {
    return new ArrayList<>(units.keySet());
  }

  public Optional<Unit> find(String code) {
    return Optional.ofNullable(code == null ? null : units.get(code));
  }

  /** The unit, which callers have validated exists. */
  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown unit " + code));
  }
}
