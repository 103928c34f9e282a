package vn.nghean.review.gate;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import vn.nghean.review.identity.CurrentUser;

/**
 * What a person who is not an administrator may send to the engine's API, {@code /engine-rest} or the
 * webapps' {@code /camunda/api/engine}: read what the engine lets them read; claim, release and
 * complete a task (with what its form declares: {@code engine.guard.SubmissionChecks}) and comment on it;
 * start a process through its start form; check a password against the policy; change their own
 * password, giving the old one. Every other write (variables, messages, signals, jobs, suspension,
 * modification, restart, deletion, users, groups, their own name and e-mail...) is refused 403 here,
 * even where the engine would refuse it too (docs/security.md). Administrators are not limited here.
 * The rules judge the path the servlet serves ({@link ServedPath}), which the firewall has made the
 * path the caller wrote.
 */
final class EngineApiRules implements AuthorizationManager<RequestAuthorizationContext> {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiRules.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  /** {@code /engine-rest}, {@code /engine-rest/engine/<name>} or {@code /camunda/api/engine/engine/<name>}. */
  private static final Pattern ROOT =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");
  private static final String ID = "[^/]+";
  /** The writes a person may send: queries sent as POST, and the work of Tasklist. */
  private static final List<Pattern> ALLOWED_POSTS = List.of(
      Pattern.compile("^/(task|process-instance|execution|variable-instance|job|external-task)(/count)?$"),
      Pattern.compile("^/history/(process-instance|activity-instance|variable-instance|detail|task|incident"
          + "|identity-link-log|job-log|decision-instance|external-task-log|user-operation)(/count)?$"),
      Pattern.compile("^/filter/" + ID + "/(list|count|singleResult)$"),
      Pattern.compile("^/task/" + ID + "/(claim|unclaim|complete|submit-form|comment/create)$"),
      Pattern.compile("^/process-definition/key/" + ID + "(/tenant-id/" + ID + ")?/submit-form$"),
      Pattern.compile("^/process-definition/" + ID + "/submit-form$"),
      Pattern.compile("^/identity/(password-policy|verify)$"));
  /** A person's own password: {@code PUT /user/<them>/credentials}, which asks for the old one. */
  private static final Pattern OWN_PASSWORD = Pattern.compile("^/user/(" + ID + ")/credentials$");

  private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    return new AuthorizationDecision(decide(authentication.get(), context).isGranted());
  }

  @Override
  public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    return decide(authentication.get(), context);
  }

  private AuthorizationDecision decide(Authentication person, RequestAuthorizationContext context) {
    if (person == null || !trust.isAuthenticated(person) || !(person.getPrincipal() instanceof CurrentUser user)) {
      return new AuthorizationDecision(false);
    }
    String method = context.getRequest().getMethod();
    if (user.administrator() || READS.contains(method)) {
      return new AuthorizationDecision(true);
    }
    Matcher root = ROOT.matcher(ServedPath.of(context.getRequest()));
    String path = root.matches() && root.group(1) != null ? root.group(1) : "/";
    boolean allowed = allowed(method, path, user.id());
    if (!allowed) {
      LOG.warn("Refused {} {} for {}: not a change a person may make through the engine's API", method, path, user.id());
    }
    return new AuthorizationDecision(allowed);
  }

  static boolean allowed(String method, String path, String userId) {
    if ("POST".equals(method)) {
      return ALLOWED_POSTS.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }
    if ("PUT".equals(method)) {
      Matcher own = OWN_PASSWORD.matcher(path);
      return own.matches() && own.group(1).equals(userId);
    }
    return false;
  }
}
