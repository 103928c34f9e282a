package vn.nghean.review.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nghean.review.engine.WebappSessions;

/**
 * Authenticates every call to the application API ({@code /api/*}): either with HTTP Basic, for
 * programs, or with the Camunda webapp session, for the embedded forms in Tasklist. A session
 * caller must send the webapps' CSRF token on writes, as Tasklist does; its groups are read again
 * as often as the webapps read theirs, so that a user taken out of a unit loses it at once. The caller also becomes the
 * engine's authenticated user for the request, so engine queries are filtered as in Tasklist.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final String engineName;
  private final long groupsTimeToLive;

  /**
   * @param groupsTimeToLive how long (ms) a session's groups are trusted before they are read again,
   *     as long as the webapps trust theirs
   */
  ApiAuthenticationFilter(IdentityService identityService, String engineName, long groupsTimeToLive) {
    this.identityService = identityService;
    this.engineName = engineName;
    this.groupsTimeToLive = groupsTimeToLive;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = fromBasic(request);
    if (user == null) {
      user = fromSession(request);
      if (user != null && !SAFE_METHODS.contains(request.getMethod()) && !WebappSessions.csrfTokenMatches(request)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF).");
        return;
      }
    }
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"so-ket\", charset=\"UTF-8\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Cần đăng nhập để dùng chức năng này.");
      return;
    }
    request.setAttribute(CurrentUser.ATTRIBUTE, user);
    identityService.setAuthentication(user.id(), user.groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private CurrentUser fromBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
        .map(Group::getId).toList();
    return new CurrentUser(userId, groups);
  }

  private CurrentUser fromSession(HttpServletRequest request) {
    return WebappSessions.user(request, engineName, groupsTimeToLive)
        .map(user -> new CurrentUser(user.id(), user.groupIds())).orElse(null);
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }
}
