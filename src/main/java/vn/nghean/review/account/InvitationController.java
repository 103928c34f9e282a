package vn.nghean.review.account;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the page of an invitation link calls, without signing in (the gate lets anyone through, and
 * keeps them out of its CSRF rule: they carry no session, only the link's token): what the link can
 * do, set the password with it, ask for a new one. The token travels in the body, never in a URL of
 * the API, so that no log of requests holds it.
 */
@RestController
@RequestMapping("/api/invitations")
class InvitationController {

  /** A link and what its holder typed. */
  record PasswordForm(String token, String password, String repeat) {}

  record TokenForm(String token) {}

  /** A link that no longer works: its state, and what to do, in Vietnamese. */
  record Refusal(int status, String message, List<String> problems, Invitations.LinkState state) {}

  /** The same answer to every renewal, whatever the token: it tells nobody whether an account exists. */
  static final String RENEWAL_ANSWER = "Nếu đường dẫn thuộc một tài khoản đang dùng, đường dẫn mới đã được gửi đến"
      + " địa chỉ thư điện tử của tài khoản đó (mỗi tài khoản nhận tối đa một đường dẫn mới trong 10 phút). Vui lòng"
      + " kiểm tra hộp thư, kể cả thư mục thư rác.";

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @PostMapping("/check")
  Invitations.LinkCheck check(@RequestBody TokenForm form) {
    return invitations.check(form.token());
  }

  @PostMapping("/password")
  Invitations.PasswordSet password(@RequestBody PasswordForm form) {
    return invitations.setPassword(form.token(), form.password(), form.repeat());
  }

  @PostMapping("/renewal")
  ResponseEntity<java.util.Map<String, String>> renewal(@RequestBody TokenForm form) {
    invitations.renew(form.token());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(java.util.Map.of("message", RENEWAL_ANSWER));
  }

  @ExceptionHandler(InvitationRefused.class)
  ResponseEntity<Refusal> refused(InvitationRefused refused) {
    return ResponseEntity.status(HttpStatus.GONE).body(new Refusal(HttpStatus.GONE.value(), refused.getMessage(),
        List.of(), refused.state()));
  }
}
