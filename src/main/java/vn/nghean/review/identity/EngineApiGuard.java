package vn.nghean.review.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nghean.review.engine.WebappSessions;
import vn.nghean.review.engine.EngineUsers;

/**
 * What a person who is not an administrator may change through the engine's API, whether
 * {@code /engine-rest} or the webapps' {@code /camunda/api/engine}: read anything the engine lets
 * them read; claim, release and complete a task; start a process through its form; change their
 * own password and profile. Everything else that writes (variables, messages, signals, jobs,
 * suspension, instance modification, deletion...) is answered 403 before the engine sees it, even
 * where the engine would refuse it too (docs/security.md). Administrators are not limited here.
 */
class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  /** {@code /engine-rest}, {@code /engine-rest/engine/<name>} or {@code /camunda/api/engine/engine/<name>}. */
  private static final Pattern ROOT = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final String ID = "[^/]+";
  /** The writes a person may send: queries sent as POST, and the work of Tasklist. */
  private static final List<Pattern> ALLOWED_POSTS = List.of(
      Pattern.compile("^/(task|process-instance|execution|variable-instance|job|external-task)(/count)?$"),
      Pattern.compile("^/history/(process-instance|activity-instance|variable-instance|detail|task|incident"
          + "|identity-link-log|job-log|decision-instance|external-task-log|user-operation)(/count)?$"),
      Pattern.compile("^/filter/" + ID + "/(list|count|singleResult)$"),
      Pattern.compile("^/task/" + ID + "/(claim|unclaim|complete|submit-form|comment/create)$"),
      Pattern.compile("^/process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|" + ID + ")/(start|submit-form)$"),
      Pattern.compile("^/identity/(password-policy|verify)$"));
  /** A person's own account: {@code PUT /user/<them>/profile} and {@code /credentials}. */
  private static final Pattern OWN_ACCOUNT = Pattern.compile("^/user/(" + ID + ")/(profile|credentials)$");

  private final IdentityService identityService;
  private final String engineName;
  private final long groupsTimeToLive;

  EngineApiGuard(IdentityService identityService, String engineName, long groupsTimeToLive) {
    this.identityService = identityService;
    this.engineName = engineName;
    this.groupsTimeToLive = groupsTimeToLive;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    Matcher root = ROOT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (READS.contains(method) || !root.matches()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = caller(request);
    String path = root.group(1);
    if (caller.isEmpty() || caller.get().administrator() || allowed(method, path, caller.get().id())) {
      chain.doFilter(request, response); // no caller: the engine's own authentication answers 401
      return;
    }
    LOG.warn("Refused {} {} for {}: not a change a person may make through the engine's API", method, path,
        caller.get().id());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"Bạn không có quyền thực hiện "
        + "thao tác này: chỉ quản trị viên được thay đổi dữ liệu của quy trình.\"}");
  }

  static boolean allowed(String method, String path, String userId) {
    if ("POST".equals(method)) {
      return ALLOWED_POSTS.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }
    if ("PUT".equals(method)) {
      Matcher own = OWN_ACCOUNT.matcher(path);
      return own.matches() && own.group(1).equals(userId);
    }
    return false;
  }

  private record Caller(String id, boolean administrator) {}

  /** Who sends the request: the engine's authentication of it, else the webapp session's user. */
  private Optional<Caller> caller(HttpServletRequest request) {
    String current = EngineUsers.currentUserId(identityService);
    if (current != null) {
      return Optional.of(new Caller(current, EngineUsers.currentGroupIds(identityService).contains(Groups.ADMIN)));
    }
    return WebappSessions.user(request, engineName, groupsTimeToLive)
        .map(user -> new Caller(user.id(), user.groupIds().contains(Groups.ADMIN)));
  }
}
