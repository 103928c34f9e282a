package vn.nghean.review.gate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The webapps' own sign-in page (Tasklist, Cockpit, Admin post to
 * {@code /camunda/api/admin/auth/user/<engine>/login/<app>}): Camunda checks the password and opens
 * the session; the throttle is asked first and told the outcome, as for HTTP Basic.
 */
final class WebappSignIn extends OncePerRequestFilter {

  static final RequestMatcher LOGIN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
  /** A sign-in form is a user name and a password: anything longer is not one. */
  private static final int MAX_FORM = 8 * 1024;

  private final SignInThrottle throttle;

  WebappSignIn(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] form = request.getInputStream().readNBytes(MAX_FORM + 1);
    if (form.length > MAX_FORM) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    String userId = userName(new String(form, StandardCharsets.ISO_8859_1));
    String address = request.getRemoteAddr();
    try {
      throttle.check(userId, address);
    } catch (SignInThrottle.Throttled throttled) {
      GateResponses.tooManyAttempts(response, throttled.retryAfter());
      return;
    }
    chain.doFilter(new Replayed(request, form), response);
    int status = response.getStatus();
    if (status >= 200 && status < 300) {
      throttle.succeeded(userId, address);
    } else if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
      throttle.failed(userId, address);
    }
  }

  private static String userName(String form) {
    String value = UriComponentsBuilder.newInstance().query(form).build().getQueryParams().getFirst("username");
    return value == null ? "" : UriUtils.decode(value.replace('+', ' '), StandardCharsets.UTF_8);
  }

  /** The request with its form read once here and again by Camunda. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
