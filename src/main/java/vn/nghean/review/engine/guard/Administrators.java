package vn.nghean.review.engine.guard;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's administrators ({@code camunda-admin}), who alone may change what a process holds. */
final class Administrators {

  private Administrators() {}

  static boolean includes(Authentication user) {
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
