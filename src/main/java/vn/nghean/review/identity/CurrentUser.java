package vn.nghean.review.identity;

import java.security.Principal;
import java.util.List;

/**
 * The person signed in at the gate ({@code gate.GateConfiguration}), as the application's API sees
 * them: controllers take it with {@code @AuthenticationPrincipal}.
 */
public record CurrentUser(String id, List<String> groupIds) implements Principal {

  public CurrentUser {
    groupIds = List.copyOf(groupIds);
  }

  @Override
  public String getName() {
    return id;
  }

  public boolean readsWholeProvince() {
    return Groups.readsWholeProvince(groupIds);
  }

  public boolean belongsToUnit(String unitCode) {
    return Groups.belongsToUnit(groupIds, unitCode);
  }

  public boolean isIn(String groupId) {
    return groupIds.contains(groupId);
  }

  public boolean administrator() {
    return groupIds.contains(Groups.ADMIN);
  }

  /** Throws 403 unless the caller may read the unit's record. */
  public void requireReadAccess(String unitCode) {
    if (!readsWholeProvince() && !belongsToUnit(unitCode)) {
      throw new ForbiddenException("Bạn không có quyền xem hồ sơ của đơn vị " + unitCode);
    }
  }
}
