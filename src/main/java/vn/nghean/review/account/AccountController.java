package vn.nghean.review.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;

/**
 * The accounts made from the registry, for administrators (the gate, {@code gate.GateConfiguration},
 * lets nobody else reach it): make them for the edition in use, list them, send one a new link.
 * Nothing it answers holds a link or a password.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

  private final RegistryAccounts accounts;
  private final Invitations invitations;

  AccountController(RegistryAccounts accounts, Invitations invitations) {
    this.accounts = accounts;
    this.invitations = invitations;
  }

  /** Makes the accounts of the edition in use ({@code edition}: the one the administrator saw, checked). */
  @PostMapping
  RegistryAccounts.Summary create(@RequestParam(required = false) Long edition,
      @AuthenticationPrincipal CurrentUser user) {
    return accounts.create(edition, user.id());
  }

  @GetMapping
  List<RegistryAccounts.AccountView> list() {
    return accounts.list();
  }

  /** A new link for the account, mailed to it; its earlier links stop working. */
  @PostMapping("/{id}/invitation")
  ResponseEntity<Map<String, String>> invite(@PathVariable String id) {
    invitations.resend(id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "Đã gửi thư mời mới đến " + id
        + ". Đường dẫn trước đó không còn dùng được."));
  }
}
