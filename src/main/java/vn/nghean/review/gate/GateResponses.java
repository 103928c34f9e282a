package vn.nghean.review.gate;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gate's answers, in Vietnamese and in the shape of the application's other errors
 * ({@code {"status":..,"message":..}}): 400 for a path not in its plain form, 401 without a person,
 * 403 for what the person may not do, 429 while sign-in is throttled.
 */
final class GateResponses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GateResponses.class);
  /** Programs are asked for HTTP Basic; the webapps show their own sign-in page, not the browser's. */
  private static final String BASIC = "Basic realm=\"so-ket\", charset=\"UTF-8\"";

  private GateResponses() {}

  static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    if (reason instanceof SignInThrottle.Throttled throttled) {
      tooManyAttempts(response, throttled.retryAfter());
      return;
    }
    boolean badToken = reason instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
    if (badToken) {
      // Why a program's token was refused, for its operator (DEBUG: anyone can send a bad token).
      LOG.debug("Bearer token refused for {}: {}", ServedPath.of(request), reason.getMessage());
    }
    if (forPrograms(ServedPath.of(request))) {
      response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : BASIC);
    }
    write(response, HttpStatus.UNAUTHORIZED, badToken
        ? "Mã truy cập (token) không hợp lệ: hết hạn, không do máy chủ xác thực của tỉnh cấp, hoặc không ghi nhóm của người dùng."
        : reason instanceof org.springframework.security.authentication.BadCredentialsException
            ? "Tên đăng nhập hoặc mật khẩu không đúng." : "Cần đăng nhập để dùng chức năng này.");
  }

  /**
   * The APIs programs call with HTTP Basic. Elsewhere a browser must not be asked for it: Chromium
   * answers a Basic challenge with a dialog of its own, which took the keystrokes of the webapps'
   * sign-in page when Cockpit looked for {@code /camunda-welcome}.
   */
  private static boolean forPrograms(String path) {
    return path.equals("/engine-rest") || path.startsWith("/engine-rest/") || path.startsWith("/api/")
        || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs");
  }

  static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, reason instanceof CsrfException
        ? "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)."
        : "Bạn không có quyền thực hiện thao tác này.");
  }

  static void notPlain(HttpServletResponse response) throws IOException {
    write(response, HttpStatus.BAD_REQUEST, "Đường dẫn không hợp lệ: chỉ chấp nhận đường dẫn ở dạng thông thường "
        + "(không có dấu chấm phẩy, dấu gạch chéo kép, \"..\" hay ký tự mã hóa không cần thiết).");
  }

  static void tooManyAttempts(HttpServletResponse response, Duration retryAfter) throws IOException {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    write(response, HttpStatus.TOO_MANY_REQUESTS, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + seconds
        + " giây.");
  }

  /** A short Vietnamese page for a browser (a sign-in through the provider that did not succeed). */
  static void page(HttpServletResponse response, int status, String title, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        + org.springframework.web.util.HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family:sans-serif;"
        + "max-width:40em;margin:3em auto\"><h1>" + org.springframework.web.util.HtmlUtils.htmlEscape(title) + "</h1><p>"
        + org.springframework.web.util.HtmlUtils.htmlEscape(message) + "</p><p><a href=\"/camunda/app/tasklist/default/\">"
        + "Đăng nhập lại</a></p></body></html>");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status.value());
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(java.util.Map.of("status", status.value(), "message", message)));
  }
}
