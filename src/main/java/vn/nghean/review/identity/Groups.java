package vn.nghean.review.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

  /** The unit code of a unit officers' group ({@code unitVINH} → {@code VINH}), if it is one by its shape. */
  public static Optional<String> unitOfOfficers(String groupId) {
    return groupId.startsWith(UNIT_PREFIX) && !groupId.endsWith(LEAD_SUFFIX) && groupId.length() > UNIT_PREFIX.length()
        ? Optional.of(groupId.substring(UNIT_PREFIX.length())) : Optional.empty();
  }

  /** The unit code of a unit leaders' group ({@code unitVINHlead} → {@code VINH}), if it is one by its shape. */
  public static Optional<String> unitOfLeaders(String groupId) {
    int end = groupId.length() - LEAD_SUFFIX.length();
    return groupId.startsWith(UNIT_PREFIX) && groupId.endsWith(LEAD_SUFFIX) && end > UNIT_PREFIX.length()
        ? Optional.of(groupId.substring(UNIT_PREFIX.length(), end)) : Optional.empty();
  }

  public static boolean readsWholeProvince(Collection<String> groupIds) {
    return groupIds.stream().anyMatch(PROVINCE_READERS::contains);
  }

  public static boolean belongsToUnit(Collection<String> groupIds, String unitCode) {
    return groupIds.contains(unitOfficers(unitCode)) || groupIds.contains(unitLeaders(unitCode));
  }
}
