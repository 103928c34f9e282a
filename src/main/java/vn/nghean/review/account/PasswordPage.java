package vn.nghean.review.account;

import java.io.IOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page an invitation link opens ({@code /tai-khoan/dat-mat-khau?ma=<token>}), anonymous: a
 * Vietnamese page of its own, with its script beside it, that reads the token and asks
 * {@code /api/invitations}. Its address holds the token, so it is never cached, never sent on as a
 * referrer, runs no script but its own and is never framed.
 */
@Controller
class PasswordPage {

  private static final ClassPathResource PAGE = new ClassPathResource("static/tai-khoan/dat-mat-khau.html");
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  @GetMapping(Invitations.PAGE)
  ResponseEntity<byte[]> page() throws IOException {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
        .body(PAGE.getInputStream().readAllBytes());
  }
}
