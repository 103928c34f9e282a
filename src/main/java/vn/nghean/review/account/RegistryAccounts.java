package vn.nghean.review.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nghean.review.engine.WithoutAuthorization;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.system.ConflictException;
import vn.nghean.review.unit.RegistryEditionLoaded;
import vn.nghean.review.unit.RegistryFile;
import vn.nghean.review.unit.Unit;

/**
 * Accounts made from the registry's addresses, for a province without an identity provider (design
 * section 1). An administrator makes them for the edition in use: every officer's and leader's
 * address gets one account (its id the address in lower case), in each of its units' groups, and a
 * mail with a link to set its password ({@link Invitations}). Doing it again makes nothing twice: an
 * account already made is only brought in line with the edition (groups, name), and mailed nothing.
 * <p>
 * An address that leaves the registry (its unit left, or the unit no longer lists it) has its account
 * disabled, not deleted: out of every unit group, its password replaced by one nobody knows, so that
 * neither HTTP Basic nor the webapps' page signs it in, and its links revoked; the user stays, so
 * history still names the person. That happens the moment an edition is loaded on this node, at each
 * start (for an edition whose load was cut short), and at each run of the administrator's.
 * <p>
 * The registry decides an account's unit groups only: a group an administrator gave it by hand
 * (e.g. {@code pv01}) stays. A user of the same id that the registry did not make is left alone.
 */
@Service
class RegistryAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryAccounts.class);
  /** The engine's user id column. */
  private static final int MAX_ID = 64;

  /** An address that gets no account, and why. */
  record Skipped(String address, String reason) {}

  /** What a run did. */
  record Summary(long edition, int created, int alreadyThere, int reactivated, int disabled, int invited,
      List<Skipped> skipped, boolean mailOff) {}

  /** An account as the administrator's list shows it. */
  record AccountView(String id, String firstName, String lastName, String email, AccountState state,
      List<String> groups, Instant createdAt, String createdBy, Instant passwordSetAt, Instant disabledAt,
      Instant linkExpiresAt, boolean linkExpired) {}

  private record Row(String userId, AccountState state, Instant createdAt, String createdBy, Instant passwordSetAt,
      Instant disabledAt) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final Invitations invitations;
  private final TransactionTemplate transaction;
  private final ObjectProvider<JavaMailSender> mail;
  private final Pattern userIds;

  RegistryAccounts(JdbcTemplate jdbc, IdentityService identity, Invitations invitations,
      PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mail,
      @Value("${camunda.bpm.generic-properties.properties.user-resource-whitelist-pattern:[a-zA-Z0-9]+}") String userIds) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.invitations = invitations;
    this.transaction = new TransactionTemplate(transactions);
    this.mail = mail;
    this.userIds = Pattern.compile(userIds);
  }

  /**
   * Makes the accounts of the edition in use and mails each new one its link; brings the others in
   * line with it; disables those whose address it no longer lists. One transaction: all or nothing.
   *
   * @param edition the edition the administrator saw, or null for the one in use
   * @throws ConflictException when another edition is in use by now
   */
  Summary create(Long edition, String by) {
    return WithoutAuthorization.call(identity, () -> transaction.execute(status -> {
      long latest = lockAccounts();
      if (edition != null && edition != latest) {
        throw new ConflictException("Phiên bản danh mục số " + edition + " không phải phiên bản đang dùng (số " + latest
            + "). Tải lại trang rồi tạo tài khoản theo phiên bản đang dùng.");
      }
      RegistryListing listing = RegistryListing.of(units(latest));
      Map<String, Row> accounts = accounts();
      Instant now = VietnamTime.nowInstant();
      int created = 0;
      int alreadyThere = 0;
      int reactivated = 0;
      List<Skipped> skipped = new ArrayList<>();
      for (RegistryListing.Listed listed : listing.all()) {
        String unfit = unfitAsId(listed.userId());
        if (unfit != null) {
          skipped.add(new Skipped(listed.email(), unfit));
          continue;
        }
        Row row = accounts.get(listed.userId());
        boolean user = identity.createUserQuery().userId(listed.userId()).count() > 0;
        if (row == null) {
          if (user) {
            skipped.add(new Skipped(listed.email(), "đã có người dùng " + listed.userId() + " không do danh mục tạo:"
                + " giữ nguyên, không gửi thư"));
            continue;
          }
          make(listed, now, by);
          created++;
        } else if (!user) {
          // Deleted in Admin by hand: made again, with a new link, as an account back in the registry is.
          newUser(listed);
          jdbc.update("update registry_account set state = ?, disabled_at = null, password_set_at = null"
              + " where user_id = ?", AccountState.INVITED.name(), listed.userId());
          invitations.issue(listed.userId());
          reactivated++;
        } else if (row.state() == AccountState.DISABLED) {
          follow(listed);
          jdbc.update("update registry_account set state = ?, disabled_at = null, password_set_at = null"
              + " where user_id = ?", AccountState.INVITED.name(), listed.userId());
          invitations.issue(listed.userId());
          reactivated++;
        } else {
          follow(listed);
          alreadyThere++;
        }
      }
      int disabled = disableUnlisted(accounts.values(), listing, now);
      Summary summary = new Summary(latest, created, alreadyThere, reactivated, disabled, created + reactivated,
          List.copyOf(skipped), mail.getIfAvailable() == null);
      LOG.info("Registry accounts for edition {}, by {}: {} created, {} already there, {} made active again, {} disabled,"
          + " {} invited, {} addresses skipped", latest, by, created, alreadyThere, reactivated, disabled,
          summary.invited(), skipped.size());
      return summary;
    }));
  }

  /** Every account made from the registry, with its state, its groups and its newest link's expiry. */
  List<AccountView> list() {
    return WithoutAuthorization.call(identity, () -> {
      Instant now = VietnamTime.nowInstant();
      List<AccountView> views = new ArrayList<>();
      for (Row row : accounts().values()) {
        User user = identity.createUserQuery().userId(row.userId()).singleResult();
        List<String> groups = identity.createGroupQuery().groupMember(row.userId()).orderByGroupId().asc()
            .unlimitedList().stream().map(Group::getId).toList();
        Instant expires = row.state() == AccountState.DISABLED ? null
            : invitations.openLinkExpiry(row.userId()).orElse(null);
        views.add(new AccountView(row.userId(), user == null ? null : user.getFirstName(),
            user == null ? null : user.getLastName(), user == null ? null : user.getEmail(), row.state(), groups,
            row.createdAt(), row.createdBy(), row.passwordSetAt(), row.disabledAt(), expires,
            expires != null && !now.isBefore(expires)));
      }
      return views;
    });
  }

  /** A new edition on this node: the accounts whose address it no longer lists are disabled at once. */
  @EventListener
  public void editionLoaded(RegistryEditionLoaded loaded) {
    int disabled = reconcile();
    if (disabled > 0) {
      LOG.info("Registry accounts: {} disabled after edition {} was loaded", disabled, loaded.edition().id());
    }
  }

  /** At start, after the units' groups: an edition whose load stopped before its accounts followed it. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void atStart() {
    int disabled = reconcile();
    if (disabled > 0) {
      LOG.warn("Registry accounts: {} disabled at start, their addresses no longer in the registry", disabled);
    }
  }

  /**
   * Brings the accounts in line with the edition in use without making any: disables those it no
   * longer lists, takes the others out of the unit groups it no longer puts them in.
   *
   * @return the accounts disabled
   */
  int reconcile() {
    Integer disabled = WithoutAuthorization.call(identity, () -> transaction.execute(status -> {
      Integer open = jdbc.queryForObject("select count(*) from registry_account where state <> ?", Integer.class,
          AccountState.DISABLED.name());
      if (open == null || open == 0) {
        // Nothing to follow: no lock taken, so that a start without accounts waits for nobody.
        return 0;
      }
      long latest = lockAccounts();
      RegistryListing listing = RegistryListing.of(units(latest));
      Map<String, Row> accounts = accounts();
      for (Row row : accounts.values()) {
        if (row.state() != AccountState.DISABLED && listing.lists(row.userId())) {
          leaveUnlistedGroups(row.userId(), listing.get(row.userId()).groups());
        }
      }
      return disableUnlisted(accounts.values(), listing, VietnamTime.nowInstant());
    }));
    return disabled == null ? 0 : disabled;
  }

  /**
   * Takes the lock that every change to the registry's accounts holds until it commits, and answers
   * the edition in use. The lock is the first edition's row, which every database has: a run and an
   * edition loaded meanwhile (whose accounts follow it under the same lock) never interleave, on any node.
   */
  private long lockAccounts() {
    jdbc.queryForList("select id from registry_edition where id = 1 for update", Long.class);
    Long latest = jdbc.queryForObject("select max(id) from registry_edition", Long.class);
    return latest == null ? 0 : latest;
  }

  /** The units of an edition, as the database holds it now (this node's copy may be seconds old). */
  private List<Unit> units(long edition) {
    String content = jdbc.queryForObject("select content from registry_edition where id = ?", String.class, edition);
    return RegistryFile.parse(content).units();
  }

  private Map<String, Row> accounts() {
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query("select user_id, state, created_at, created_by, password_set_at, disabled_at from registry_account"
        + " order by user_id", row -> {
          rows.put(row.getString("user_id"), new Row(row.getString("user_id"), AccountState.valueOf(row.getString("state")),
              instant(row.getTimestamp("created_at")), row.getString("created_by"),
              instant(row.getTimestamp("password_set_at")), instant(row.getTimestamp("disabled_at"))));
        });
    return rows;
  }

  /** Why an address cannot be an account's id, in Vietnamese; null when it can. */
  private String unfitAsId(String userId) {
    if (userId.length() > MAX_ID) {
      return "địa chỉ dài quá " + MAX_ID + " ký tự, không dùng làm tên đăng nhập được";
    }
    if (!userIds.matcher(userId).matches()) {
      return "địa chỉ có ký tự không dùng trong tên đăng nhập được (chỉ chữ cái không dấu, chữ số và . _ @ -)";
    }
    return null;
  }

  /** A new account: the user with a password nobody knows, its groups, its row, its link and mail. */
  private void make(RegistryListing.Listed listed, Instant now, String by) {
    newUser(listed);
    jdbc.update("insert into registry_account (user_id, state, created_at, created_by) values (?, ?, ?, ?)",
        listed.userId(), AccountState.INVITED.name(), Timestamp.from(now), by == null ? "hệ thống" : by);
    invitations.issue(listed.userId());
  }

  /** The engine's user, with a password nobody knows, in its groups. */
  private void newUser(RegistryListing.Listed listed) {
    User user = identity.newUser(listed.userId());
    user.setFirstName(listed.firstName());
    user.setLastName(listed.lastName());
    user.setEmail(listed.email());
    user.setPassword(Secrets.unknownPassword());
    identity.saveUser(user);
    listed.groups().forEach(group -> identity.createMembership(listed.userId(), group));
  }

  /** An account made before: its name, address and unit groups as the edition has them now. */
  private void follow(RegistryListing.Listed listed) {
    User user = identity.createUserQuery().userId(listed.userId()).singleResult();
    if (!Objects.equals(user.getFirstName(), listed.firstName()) || !Objects.equals(user.getLastName(), listed.lastName())
        || !Objects.equals(user.getEmail(), listed.email())) {
      user.setFirstName(listed.firstName());
      user.setLastName(listed.lastName());
      user.setEmail(listed.email());
      identity.saveUser(user);
    }
    Set<String> current = leaveUnlistedGroups(listed.userId(), listed.groups());
    listed.groups().stream().filter(group -> !current.contains(group))
        .forEach(group -> identity.createMembership(listed.userId(), group));
  }

  /** Takes the account out of every unit group but {@code listed}; answers the groups it is in. */
  private Set<String> leaveUnlistedGroups(String userId, Set<String> listed) {
    Set<String> current = new java.util.HashSet<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).unlimitedList()) {
      if (RegistryListing.unitGroup(group.getId()) && !listed.contains(group.getId())) {
        identity.deleteMembership(userId, group.getId());
      } else {
        current.add(group.getId());
      }
    }
    return current;
  }

  private int disableUnlisted(java.util.Collection<Row> accounts, RegistryListing listing, Instant now) {
    int disabled = 0;
    for (Row row : accounts) {
      if (row.state() != AccountState.DISABLED && !listing.lists(row.userId())) {
        disable(row.userId(), now);
        disabled++;
      }
    }
    return disabled;
  }

  /**
   * Disables an account, in the caller's transaction: the engine has no such flag, so the account
   * leaves every unit group and gets a password nobody knows (which both HTTP Basic and the webapps'
   * sign-in check), and its links stop working. The user and its name stay, for history.
   */
  private void disable(String userId, Instant now) {
    leaveUnlistedGroups(userId, Set.of());
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null) {
      user.setPassword(Secrets.unknownPassword());
      identity.saveUser(user);
    }
    jdbc.update("update registry_account set state = ?, disabled_at = ? where user_id = ?",
        AccountState.DISABLED.name(), Timestamp.from(now), userId);
    invitations.revokeAll(userId, now);
    LOG.info("Account {} disabled: its address is no longer in the registry", userId);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
