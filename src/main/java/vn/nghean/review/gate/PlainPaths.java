package vn.nghean.review.gate;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.util.UriUtils;

/**
 * The gate's firewall: a request is let in only in its plain form, so that the path the rules judge
 * is the path the servlet serves. Spring Security's {@link StrictHttpFirewall} refuses path
 * parameters ({@code ;x}), encoded slashes, dots, backslashes and percent signs, {@code //},
 * {@code /./} and {@code ..}; on top of it, a letter, digit or {@code -._~} written percent-encoded
 * (no browser or program of ours writes them so; {@code /engine-rest/%73ignal}) is refused, and so is
 * any request whose decoded URI differs from the servlet path and path info the container chose (a
 * spelling nobody has thought of yet). The answer is 400, before any other filter or servlet runs.
 */
final class PlainPaths implements HttpFirewall {

  private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
      "%(?:4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa]|3[0-9]|2[DdEe]|5[Ff]|7[Ee])");

  private final StrictHttpFirewall strict = new StrictHttpFirewall();

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
    FirewalledRequest checked = strict.getFirewalledRequest(request);
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    if (ENCODED_UNRESERVED.matcher(raw).find()) {
      throw new RequestRejectedException("The request was rejected because the URL encodes an unreserved character");
    }
    String decoded;
    try {
      decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RequestRejectedException("The request was rejected because the URL is not well encoded");
    }
    if (!decoded.equals(ServedPath.of(request))) {
      throw new RequestRejectedException("The request was rejected because the URL is not the path it is served at");
    }
    return checked;
  }

  @Override
  public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
    return strict.getFirewalledResponse(response);
  }
}
