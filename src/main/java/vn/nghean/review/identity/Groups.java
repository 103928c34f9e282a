package vn.nghean.review.identity;

import java.util.Collection;
import java.util.List;

/** The group ids of design section 1; they pass Camunda's default resource-id whitelist. */
public final class Groups {

  public static final String PV01 = "pv01";
  public static final String PV01_LEAD = "pv01lead";
  public static final String STEERING_COMMITTEE = "bcd";
  public static final String MANAGERS = "managers";
  public static final String ADMIN = "camunda-admin";

  /** Groups that read every unit's work: they follow the whole province. */
  public static final List<String> PROVINCE_READERS = List.of(PV01, PV01_LEAD, STEERING_COMMITTEE, MANAGERS, ADMIN);

  private static final String UNIT_PREFIX = "unit";
  private static final String LEAD_SUFFIX = "lead";

  private Groups() {}

  public static String unitOfficers(String unitCode) {
    return UNIT_PREFIX + unitCode;
  }

  public static String unitLeaders(String unitCode) {
    return UNIT_PREFIX + unitCode + LEAD_SUFFIX;
  }

  public static boolean readsWholeProvince(Collection<String> groupIds) {
    return groupIds.stream().anyMatch(PROVINCE_READERS::contains);
  }

  public static boolean belongsToUnit(Collection<String> groupIds, String unitCode) {
    return groupIds.contains(unitOfficers(unitCode)) || groupIds.contains(unitLeaders(unitCode));
  }
}
