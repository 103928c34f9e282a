package vn.nghean.review.engine;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The user of a Camunda webapp session (Tasklist, Cockpit, Admin), for the gate: the webapps sign a
 * person in themselves and keep them in the session in a form of their own.
 */
public final class WebappSessions {

  /** The header in which the webapps send their CSRF token. */
  public static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

  /** A session's user and the groups the engine says they belong to. */
  public record SessionUser(String id, List<String> groupIds) {}

  private WebappSessions() {}

  /**
   * The session's user, with groups re-read from the engine once they are older than
   * {@code cacheTimeToLive} ms, as the webapps re-read theirs: a user taken out of a group loses what
   * the group gave them without logging out; a deleted user loses the session.
   */
  public static Optional<SessionUser> user(HttpServletRequest request, String engineName, long cacheTimeToLive) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications.getAuthenticationForProcessEngine(engineName) == null) {
      return Optional.empty();
    }
    AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
    AuthenticationUtil.updateSession(session, authentications);
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    if (authentication instanceof UserAuthentication user) {
      return Optional.of(new SessionUser(user.getName(), List.copyOf(user.getGroupIds())));
    }
    return Optional.empty();
  }

  /**
   * Signs a person into the webapps' session (Tasklist, Cockpit, Admin) with the groups given, as the
   * webapps' own sign-in page would: for a person an identity provider has signed in.
   */
  public static void signIn(HttpSession session, org.camunda.bpm.engine.ProcessEngine engine, String userId,
      List<String> groupIds) {
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId, groupIds, List.of());
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(authentication);
    AuthenticationUtil.updateSession(session, authentications);
  }

  /** The CSRF token the webapps gave this session, if it has one. */
  public static Optional<String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token instanceof String value ? Optional.of(value) : Optional.empty();
  }
}
