package vn.nghean.review.gate;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import vn.nghean.review.identity.CurrentUser;

/**
 * A signed-in person as the gate hands them on: the principal is the application's
 * {@link CurrentUser}, the authorities are the person's group ids, which the engine's REST
 * authentication passes to the engine as they are.
 */
final class People {

  private People() {}

  static Authentication signedIn(String userId, List<String> groupIds) {
    return UsernamePasswordAuthenticationToken.authenticated(new CurrentUser(userId, groupIds), null,
        groupIds.stream().map(SimpleGrantedAuthority::new).toList());
  }

  static List<String> groupsOf(IdentityService identity, String userId) {
    return identity.createGroupQuery().groupMember(userId).unlimitedList().stream().map(Group::getId).toList();
  }
}
