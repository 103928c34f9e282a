package vn.nghean.review.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.engine.WithoutAuthorization;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.system.ConflictException;
import vn.nghean.review.system.NotFoundException;

/**
 * One-time links with which a person sets their own password (design section 1: no password ever
 * travels by mail). A link is {@code /tai-khoan/dat-mat-khau?ma=<token>}; the database keeps only the
 * token's SHA-256 ({@link Secrets}), with when it was made, until when it works
 * ({@code review.invitation.valid-for}, by the application's clock) and when it was used. A new link
 * for an account revokes its earlier ones; a link works once; the mail goes through the outbox, in the
 * transaction that made the link, and the outbox strikes the link from its copy once it is sent.
 */
@Service
class Invitations {

  /** The page the links open. */
  static final String PAGE = "/tai-khoan/dat-mat-khau";
  private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);

  /** What a link can do now, and what the page tells its holder. */
  enum LinkState {
    VALID("Đường dẫn còn hiệu lực."),
    EXPIRED("Đường dẫn đặt mật khẩu đã hết hạn. Bấm «Gửi lại đường dẫn» để nhận đường dẫn mới qua thư điện tử."),
    USED("Đường dẫn này đã được dùng để đặt mật khẩu; mỗi đường dẫn chỉ dùng được một lần. Nếu quên mật khẩu, bấm"
        + " «Gửi lại đường dẫn» để nhận đường dẫn mới qua thư điện tử."),
    REPLACED("Đường dẫn này không còn hiệu lực: đã có đường dẫn mới hơn, hoặc tài khoản không còn được dùng. Mở"
        + " đường dẫn trong thư mới nhất, hoặc bấm «Gửi lại đường dẫn»."),
    UNKNOWN("Đường dẫn không đúng hoặc không đầy đủ. Hãy mở đúng đường dẫn trong thư (sao chép cả dòng), hoặc bấm"
        + " «Gửi lại đường dẫn».");

    private final String message;

    LinkState(String message) {
      this.message = message;
    }

    String message() {
      return message;
    }
  }

  /** What the page shows when it opens: the link's state and, while it works, the account it sets. */
  record LinkCheck(LinkState state, String message, String account, Instant expiresAt) {}

  /** A password set: the account to sign in with, and where. */
  record PasswordSet(String account, String message, String tasklist) {}

  /** One stored link. */
  private record Link(long id, String userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {

    LinkState state(Instant now) {
      if (revokedAt != null) {
        return LinkState.REPLACED;
      }
      if (usedAt != null) {
        return LinkState.USED;
      }
      return now.isBefore(expiresAt) ? LinkState.VALID : LinkState.EXPIRED;
    }
  }

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final NotificationService notifications;
  private final TasklistLinks links;
  private final TransactionTemplate transaction;
  private final Duration validFor;
  private final Duration renewalInterval;

  Invitations(JdbcTemplate jdbc, IdentityService identity, NotificationService notifications, TasklistLinks links,
      PlatformTransactionManager transactions, @Value("${review.invitation.valid-for:PT72H}") Duration validFor,
      @Value("${review.invitation.renewal-interval:PT10M}") Duration renewalInterval) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.notifications = notifications;
    this.links = links;
    this.transaction = new TransactionTemplate(transactions);
    this.validFor = validFor;
    this.renewalInterval = renewalInterval;
  }

  /**
   * Makes a new link for the account and writes its mail to the outbox, in the caller's transaction;
   * the account's earlier links stop working. The clear link exists only in that mail.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void issue(String userId) {
    Instant now = VietnamTime.nowInstant();
    revokeAll(userId, now);
    String token = Secrets.newToken();
    Instant expires = now.plus(validFor);
    jdbc.update("insert into account_invitation (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
        userId, Secrets.hash(token), Timestamp.from(now), Timestamp.from(expires));
    User user = identity.createUserQuery().userId(userId).singleResult();
    String address = user == null || user.getEmail() == null || user.getEmail().isBlank() ? userId : user.getEmail();
    notifications.send(NotificationTexts.accountInvitation(userId, roles(userId), links.page(PAGE + "?ma=" + token),
        Date.from(expires), validFor, links.tasklist()), List.of(new Recipient(userId, address)));
  }

  /** Revokes every link of the account that still works, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeAll(String userId, Instant at) {
    jdbc.update("update account_invitation set revoked_at = ? where user_id = ? and used_at is null and revoked_at is null",
        Timestamp.from(at), userId);
  }

  /** Until when the account's newest link works, if it has one that is neither used nor revoked. */
  Optional<Instant> openLinkExpiry(String userId) {
    return jdbc.query("select expires_at from account_invitation where user_id = ? and used_at is null"
        + " and revoked_at is null order by id desc", (row, n) -> row.getTimestamp(1).toInstant(), userId)
        .stream().findFirst();
  }

  /** What the link can do now, for the page that opens it. */
  LinkCheck check(String token) {
    Optional<Link> link = find(token, false);
    if (link.isEmpty()) {
      return new LinkCheck(LinkState.UNKNOWN, LinkState.UNKNOWN.message(), null, null);
    }
    LinkState state = link.get().state(VietnamTime.nowInstant());
    if (state == LinkState.VALID && accountState(link.get().userId(), false) == AccountState.DISABLED) {
      state = LinkState.REPLACED;
    }
    return state == LinkState.VALID
        ? new LinkCheck(state, state.message(), link.get().userId(), link.get().expiresAt())
        : new LinkCheck(state, state.message(), null, null);
  }

  /**
   * Sets the account's password, if the link still works and the password passes the engine's policy
   * (whatever the profile): then the link is used up and the account active. Anything refused
   * changes nothing.
   *
   * @throws InvitationRefused when the link no longer works (or never did)
   * @throws InvalidInputException with each rule the password breaks, in Vietnamese
   */
  PasswordSet setPassword(String token, String password, String repeat) {
    return WithoutAuthorization.call(identity, () -> transaction.execute(status -> {
      Link seen = find(token, false).orElseThrow(() -> new InvitationRefused(LinkState.UNKNOWN));
      // The account's row first, then the link's, as disabling takes them: two uses of one link, or a
      // use while the account is being disabled, wait for each other and the second sees the first.
      AccountState account = accountState(seen.userId(), true);
      Link link = find(token, true).orElseThrow(() -> new InvitationRefused(LinkState.UNKNOWN));
      Instant now = VietnamTime.nowInstant();
      LinkState state = account == AccountState.DISABLED ? LinkState.REPLACED : link.state(now);
      if (state != LinkState.VALID) {
        throw new InvitationRefused(state);
      }
      User user = identity.createUserQuery().userId(link.userId()).singleResult();
      if (user == null) {
        // Deleted in Admin by hand since the link was sent.
        throw new InvitationRefused(LinkState.REPLACED);
      }
      List<String> problems = new ArrayList<>();
      if (!Objects.equals(password, repeat)) {
        problems.add("Hai lần nhập mật khẩu không giống nhau");
      }
      problems.addAll(PasswordRules.broken(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
          password));
      InvalidInputException.throwIfAny(problems);
      user.setPassword(password);
      identity.saveUser(user);
      jdbc.update("update account_invitation set used_at = ? where id = ?", Timestamp.from(now), link.id());
      jdbc.update("update registry_account set state = ?, password_set_at = ? where user_id = ?",
          AccountState.ACTIVE.name(), Timestamp.from(now), link.userId());
      LOG.info("Account {}: password set through its invitation link", link.userId());
      return new PasswordSet(link.userId(), "Đã đặt mật khẩu. Đăng nhập bằng tên đăng nhập " + link.userId()
          + " và mật khẩu vừa đặt.", links.tasklist());
    }));
  }

  /**
   * A person whose link no longer works asks for a new one: it goes to the account's own address, at
   * most once per {@code review.invitation.renewal-interval}, and never for a disabled account. The
   * caller learns nothing of which happened (the answer is the same whatever the token).
   */
  void renew(String token) {
    WithoutAuthorization.run(identity, () -> transaction.executeWithoutResult(status -> {
      Optional<Link> link = find(token, false);
      if (link.isEmpty()) {
        return;
      }
      String userId = link.get().userId();
      if (accountState(userId, true) == AccountState.DISABLED
          || identity.createUserQuery().userId(userId).count() == 0) {
        return;
      }
      Instant now = VietnamTime.nowInstant();
      Timestamp asked = jdbc.queryForObject("select renewal_asked_at from registry_account where user_id = ?",
          Timestamp.class, userId);
      if (asked != null && now.isBefore(asked.toInstant().plus(renewalInterval))) {
        LOG.info("Account {}: a new link asked for again within {}; none sent", userId, renewalInterval);
        return;
      }
      jdbc.update("update registry_account set renewal_asked_at = ? where user_id = ?", Timestamp.from(now), userId);
      issue(userId);
      LOG.info("Account {}: a new invitation link sent at the person's request", userId);
    }));
  }

  /**
   * The administrator sends the account a new link: its earlier ones stop working. A disabled
   * account gets none (its address is no longer in the registry).
   */
  void resend(String userId) {
    WithoutAuthorization.run(identity, () -> transaction.executeWithoutResult(status -> {
      AccountState state = accountState(userId, true);
      if (state == null) {
        throw new NotFoundException("Không có tài khoản " + userId + " được tạo từ danh mục đơn vị.");
      }
      if (state == AccountState.DISABLED) {
        throw new ConflictException("Tài khoản " + userId + " đã bị vô hiệu hóa vì địa chỉ không còn trong danh mục"
            + " đơn vị: không gửi thư mời. Tạo lại tài khoản sau khi đưa địa chỉ trở lại danh mục.");
      }
      if (identity.createUserQuery().userId(userId).count() == 0) {
        throw new ConflictException("Người dùng " + userId + " đã bị xóa trong Admin: bấm «Tạo tài khoản và gửi thư"
            + " mời» để tạo lại tài khoản và gửi thư mời mới.");
      }
      issue(userId);
    }));
  }

  /** The account's state, the row locked when asked; null when the registry made no such account. */
  private AccountState accountState(String userId, boolean lock) {
    return jdbc.query("select state from registry_account where user_id = ?" + (lock ? " for update" : ""),
        (row, n) -> AccountState.valueOf(row.getString(1)), userId).stream().findFirst().orElse(null);
  }

  private Optional<Link> find(String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.query("select id, user_id, expires_at, used_at, revoked_at from account_invitation where token_hash = ?"
        + (lock ? " for update" : ""), (row, n) -> new Link(row.getLong("id"), row.getString("user_id"),
            row.getTimestamp("expires_at").toInstant(), instant(row.getTimestamp("used_at")),
            instant(row.getTimestamp("revoked_at"))), Secrets.hash(token.strip())).stream().findFirst();
  }

  /** The names of the account's unit groups ("Cán bộ - UBND thành phố Vinh"), for the mail. */
  private List<String> roles(String userId) {
    return identity.createGroupQuery().groupMember(userId).orderByGroupName().asc().unlimitedList().stream()
        .filter(group -> RegistryListing.unitGroup(group.getId())).map(Group::getName).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
