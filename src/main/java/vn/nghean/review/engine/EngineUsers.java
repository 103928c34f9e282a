package vn.nghean.review.engine;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine is acting for: the user and groups of its current authentication, if any. */
public final class EngineUsers {

  private EngineUsers() {}

  /** The current user's id, or null when the application itself acts (a job, a timer, start-up). */
  public static String currentUserId(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** The current user's groups, empty when nobody is authenticated. */
  public static List<String> currentGroupIds(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds());
  }
}
