package vn.nghean.review.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

import vn.nghean.review.shared.VietnamTime;

/**
 * An edition of the unit registry as a file: UTF-8, one unit a line, separated by semicolons: code;
 * kind; name; officers' e-mail addresses; leader's; first day; last day; national code; formed from
 * (the last four may be left out; a day is {@code 2025-07-01} or {@code 01/07/2025}). Lines starting
 * with {@code #} are comments, the first other line is the header. Read as a whole: every problem is
 * reported, in Vietnamese, with its line.
 */
public final class RegistryFile {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,20}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@;]+@[^\\s@;]+\\.[^\\s@;]+");
  private static final Pattern WRITTEN_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  /** The units of an edition, or why it cannot be one. */
  public record Parsed(List<Unit> units, List<String> problems) {

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private RegistryFile() {}

  public static Parsed read(Resource location) {
    try {
      return parse(new String(location.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the unit registry " + location.getDescription(), e);
    }
  }

  public static Parsed parse(String text) {
    List<Unit> units = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    try (BufferedReader in = new BufferedReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
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
        Unit unit = unit(trimmed, number, problems);
        if (unit != null && !codes.add(unit.code())) {
          problems.add("dòng " + number + ": mã " + unit.code() + " đã có ở một dòng trước");
        } else if (unit != null) {
          units.add(unit);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (units.isEmpty() && problems.isEmpty()) {
      problems.add("danh mục không có đơn vị nào");
    }
    return new Parsed(List.copyOf(units), List.copyOf(problems));
  }

  private static Unit unit(String line, int number, List<String> problems) {
    String[] cells = line.split(";", -1);
    String at = "dòng " + number + ": ";
    if (cells.length != 5 && cells.length != 9) {
      problems.add(at + "cần 5 hoặc 9 cột cách nhau bằng dấu chấm phẩy, có " + cells.length);
      return null;
    }
    int before = problems.size();
    String code = cells[0].strip();
    if (!CODE.matcher(code).matches()) {
      problems.add(at + "mã «" + code + "» phải gồm 2 đến 20 chữ in hoa không dấu hoặc chữ số");
    }
    UnitKind kind = null;
    try {
      kind = UnitKind.valueOf(cells[1].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(at + "loại «" + cells[1].strip() + "» không có: chỉ DISTRICT (UBND cấp huyện), COMMUNE (UBND xã,"
          + " phường) hoặc DEPARTMENT (sở, ngành, đoàn thể)");
    }
    String name = cells[2].strip();
    if (name.isEmpty() || name.length() > 200) {
      problems.add(at + "tên đơn vị phải có, và không quá 200 ký tự");
    }
    List<String> officers = emails(cells[3], at, problems);
    List<String> leaders = emails(cells[4], at, problems);
    LocalDate from = cells.length == 9 ? day(cells[5], at, "ngày bắt đầu", problems) : null;
    LocalDate to = cells.length == 9 ? day(cells[6], at, "ngày kết thúc", problems) : null;
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(at + "ngày kết thúc (" + VietnamTime.formatDay(to) + ") trước ngày bắt đầu ("
          + VietnamTime.formatDay(from) + ")");
    }
    String gso = cells.length == 9 ? blankToNull(cells[7]) : null;
    String formedFrom = cells.length == 9 ? blankToNull(cells[8]) : null;
    return problems.size() > before ? null : new Unit(code, kind, name, officers, leaders, from, to, gso, formedFrom);
  }

  private static List<String> emails(String cell, String at, List<String> problems) {
    List<String> emails = Arrays.stream(cell.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    for (String email : emails) {
      if (!EMAIL.matcher(email).matches()) {
        problems.add(at + "«" + email + "» không phải là địa chỉ thư điện tử");
      }
    }
    return emails;
  }

  private static LocalDate day(String cell, String at, String what, List<String> problems) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      var written = WRITTEN_DAY.matcher(text);
      return written.matches() ? LocalDate.of(Integer.parseInt(written.group(3)), Integer.parseInt(written.group(2)),
          Integer.parseInt(written.group(1))) : LocalDate.parse(text);
    } catch (java.time.DateTimeException e) {
      problems.add(at + what + " «" + text + "» không phải là ngày (01/07/2025 hoặc 2025-07-01)");
      return null;
    }
  }

  private static String blankToNull(String cell) {
    String text = cell.strip();
    return text.isEmpty() ? null : text;
  }

  /** The edition as a file again, in the order given. */
  public static String write(List<Unit> units) {
    StringBuilder out = new StringBuilder("code;kind;name;officerEmails;leaderEmails;validFrom;validTo;gsoCode;formedFrom\n");
    for (Unit unit : units) {
      out.append(String.join(";", unit.code(), unit.kind().name(), unit.name(), String.join(" ", unit.officerEmails()),
          String.join(" ", unit.leaderEmails()), unit.validFrom() == null ? "" : unit.validFrom().toString(),
          unit.validTo() == null ? "" : unit.validTo().toString(), unit.gsoCode() == null ? "" : unit.gsoCode(),
          unit.formedFrom() == null ? "" : unit.formedFrom())).append('\n');
    }
    return out.toString();
  }
}
