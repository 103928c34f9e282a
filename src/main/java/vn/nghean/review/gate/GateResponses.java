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
  /** Programs are asked for HTTP Basic; the webapps show their own sign-in page, not the browser's. */
  private static final String BASIC = "Basic realm=\"so-ket\", charset=\"UTF-8\"";

  private GateResponses() {}

  static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    if (reason instanceof SignInThrottle.Throttled throttled) {
      tooManyAttempts(response, throttled.retryAfter());
      return;
    }
    if (forPrograms(ServedPath.of(request))) {
      response.setHeader("WWW-Authenticate", BASIC);
    }
    write(response, HttpStatus.UNAUTHORIZED, reason instanceof org.springframework.security.authentication.BadCredentialsException
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

  private static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status.value());
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(java.util.Map.of("status", status.value(), "message", message)));
  }
}
