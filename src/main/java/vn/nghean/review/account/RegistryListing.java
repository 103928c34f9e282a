package vn.nghean.review.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.unit.Unit;

/**
 * The people an edition of the registry lists: each officer's and leader's address once, with every
 * unit group it belongs in (an address listed for two units or roles is one account, in each group).
 * The registry has no person's name: an account is named by its first role, as the demo's users are
 * ("Cán bộ", the unit's name).
 */
record RegistryListing(Map<String, Listed> byUserId) {

  static final String OFFICER = "Cán bộ";
  static final String LEADER = "Lãnh đạo";

  /** One address: the account id it gets (the address in lower case), its name and its groups. */
  record Listed(String userId, String email, String firstName, String lastName, Set<String> groups) {}

  static RegistryListing of(List<Unit> units) {
    Map<String, Listed> byUserId = new LinkedHashMap<>();
    for (Unit unit : units) {
      unit.officerEmails().forEach(email -> add(byUserId, email, OFFICER, unit.name(), Groups.unitOfficers(unit.code())));
      unit.leaderEmails().forEach(email -> add(byUserId, email, LEADER, unit.name(), Groups.unitLeaders(unit.code())));
    }
    return new RegistryListing(java.util.Collections.unmodifiableMap(byUserId));
  }

  private static void add(Map<String, Listed> byUserId, String email, String role, String unitName, String group) {
    String address = email.strip();
    String userId = address.toLowerCase(Locale.ROOT);
    Listed listed = byUserId.get(userId);
    if (listed == null) {
      byUserId.put(userId, new Listed(userId, address, role, unitName, new LinkedHashSet<>(List.of(group))));
    } else {
      listed.groups().add(group);
    }
  }

  List<Listed> all() {
    return new ArrayList<>(byUserId.values());
  }

  boolean lists(String userId) {
    return byUserId.containsKey(userId);
  }

  Listed get(String userId) {
    return byUserId.get(userId);
  }

  /** Whether the group is one of a unit's (officers' or leader's): the only groups the registry decides. */
  static boolean unitGroup(String groupId) {
    return Groups.unitOfOfficers(groupId).isPresent() || Groups.unitOfLeaders(groupId).isPresent();
  }
}
