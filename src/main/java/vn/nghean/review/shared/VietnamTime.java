package vn.nghean.review.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Dates as the plan means them: in {@code Asia/Ho_Chi_Minh}, and a bare day ("before 15/7/2024")
 * is that day at 00:00.
 */
public final class VietnamTime {

  public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** What a person types: 15/07/2024 or 5/7/2024, and the same with 08:00 after it; strict, so 31/02 is no day. */
  private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final DateTimeFormatter TYPED_DAY_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final java.util.regex.Pattern WRITTEN_DAY = java.util.regex.Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
  private static final java.util.regex.Pattern WRITTEN_DAY_TIME =
      java.util.regex.Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  /**
   * The clock every date of the application is read from: the system's until the engine starts,
   * then the engine's own ({@code engine.EngineClock}), which tests move to fire timers.
   */
  private static volatile java.time.Clock clock = java.time.Clock.systemUTC();

  private VietnamTime() {}

  /** Makes {@code clock} the application's clock; the engine's configuration does, once. */
  public static void useClock(java.time.Clock clock) {
    VietnamTime.clock = clock;
  }

  /**
   * Reads a value a form or an API gave for a date: a {@link Date}; a day as Vietnamese offices write
   * it ({@code 15/07/2024}) or as a form submits it ({@code 2024-07-15}), that day at 00:00 in
   * Vietnam; a day and time the same ways ({@code 15/07/2024 08:00}); or an ISO date-time with its
   * offset ({@code 2024-08-10T08:00+07:00}). An ISO date-time without an offset is ambiguous and
   * refused; {@code 07/08/2024} is always 7 August.
   *
   * @return empty when the value is null or blank
   * @throws IllegalArgumentException when the value is not such a date
   */
  public static Optional<Date> parse(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Date date) {
      return Optional.of(date);
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (WRITTEN_DAY_TIME.matcher(text).matches()) {
        return Optional.of(Date.from(LocalDateTime.parse(text, TYPED_DAY_TIME).atZone(ZONE).toInstant()));
      }
      if (WRITTEN_DAY.matcher(text).matches()) {
        return Optional.of(Date.from(LocalDate.parse(text, TYPED_DAY).atStartOfDay(ZONE).toInstant()));
      }
      if (text.length() == 10) {
        return Optional.of(Date.from(LocalDate.parse(text).atStartOfDay(ZONE).toInstant()));
      }
      return Optional.of(Date.from(OffsetDateTime.parse(text).toInstant()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: " + text, e);
    }
  }

  public static ZonedDateTime zoned(Date date) {
    return date.toInstant().atZone(ZONE);
  }

  public static Date plusDays(Date date, long days) {
    return Date.from(zoned(date).plusDays(days).toInstant());
  }

  /** Now, by the application's clock (the engine's, which tests move to fire timers). */
  public static Date now() {
    return Date.from(clock.instant());
  }

  public static Instant nowInstant() {
    return clock.instant();
  }

  /** Today in Vietnam, by the engine's clock. */
  public static java.time.LocalDate today() {
    return nowInstant().atZone(ZONE).toLocalDate();
  }

  /** {@code 01/07/2025}. */
  public static String formatDay(java.time.LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** {@code 2024-07-15}: the day as a form's date field submits it. */
  public static String isoDay(Date date) {
    return zoned(date).toLocalDate().toString();
  }

  /** {@code 15/07/2024}, as Vietnamese documents write a day. */
  public static String formatDay(Date date) {
    return date == null ? "" : DAY.format(zoned(date));
  }

  /** {@code 08:00 ngày 15/07/2024}. */
  public static String formatDayTime(Date date) {
    return date == null ? "" : DAY_TIME.format(zoned(date));
  }
}
