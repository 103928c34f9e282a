package vn.nghean.review.identity;

import java.util.List;

/** The authenticated caller of the application API. */
public record CurrentUser(String id, List<String> groupIds) {

  /** Request attribute under which {@link ApiAuthenticationFilter} leaves the caller. */
  public static final String ATTRIBUTE = "vn.nghean.review.identity.CurrentUser";

  public boolean readsWholeProvince() {
    return Groups.readsWholeProvince(groupIds);
  }

  public boolean belongsToUnit(String unitCode) {
    return Groups.belongsToUnit(groupIds, unitCode);
  }

  public boolean isIn(String groupId) {
    return groupIds.contains(groupId);
  }

  /** Throws 403 unless the caller may read the unit's record. */
  public void requireReadAccess(String unitCode) {
    if (!readsWholeProvince() && !belongsToUnit(unitCode)) {
      throw new ForbiddenException("Bạn không có quyền xem hồ sơ của đơn vị " + unitCode);
    }
  }
}
