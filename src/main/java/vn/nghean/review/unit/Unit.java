package vn.nghean.review.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit of the registry, with the period it exists in: {@code validFrom} and {@code validTo} are
 * its first and last day (null: without limit). A commune carries its national code ({@code gsoCode},
 * which its boundary on the map is keyed by) and the communes it was formed from.
 */
public record Unit(String code, UnitKind kind, String name, List<String> officerEmails, List<String> leaderEmails,
    LocalDate validFrom, LocalDate validTo, String gsoCode, String formedFrom) {

  /** A unit without a period, as the registries of earlier versions listed them. */
  public Unit(String code, UnitKind kind, String name, List<String> officerEmails, List<String> leaderEmails) {
    this(code, kind, name, officerEmails, leaderEmails, null, null, null, null);
  }

  /** Whether the unit exists on that day. */
  public boolean existsOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }

}
