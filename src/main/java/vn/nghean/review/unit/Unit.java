package vn.nghean.review.unit;

import java.util.List;

import vn.nghean.review.identity.Groups;

/** One participating unit of the registry. */
public record Unit(String code, UnitKind kind, String name, List<String> officerEmails,
    List<String> leaderEmails) {

  /** Candidate group of the unit's officers, e.g. {@code unitVINH}. */
  public String officerGroup() {
    return Groups.unitOfficers(code);
  }

  /** Candidate group of the unit's leader, e.g. {@code unitVINHlead}. */
  public String leaderGroup() {
    return Groups.unitLeaders(code);
  }
}
