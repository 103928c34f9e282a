package vn.nghean.review.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nghean.review.support.Mailbox;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.notification.NotificationRepository;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.RawHttp;
import vn.nghean.review.support.WebappSession;

/**
 * Accounts made from the registry, as the people concerned notice them: the invitation arrives by
 * mail (GreenMail), its link opens the page and sets the password once, the account then signs in by
 * HTTP Basic and on the webapps' page; an expired, used or replaced link is refused in Vietnamese and a
 * new one can be asked for; nothing mailed is a password; a unit leaving the registry shuts its
 * accounts out. A context of its own: a registry of one unit without addresses, to which each test
 * adds the units it makes accounts for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "review.units.location=classpath:units/account-test-units.csv",
    "spring.datasource.url=jdbc:h2:mem:account-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + RegistryAccountsTest.ENGINE})
class RegistryAccountsTest extends ApplicationTestBase {

  /** The engine of this context: the JVM may also hold the shared context's, named default. */
  static final String ENGINE = "accountTest";
  static final String ADMIN = "demo";
  /** A password the engine's default policy accepts. */
  static final String GOOD = "Nghe-An-2025!x";
  static final Pattern LINK = Pattern.compile("(\\S+/tai-khoan/dat-mat-khau\\?ma=([A-Za-z0-9_-]+))");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @Autowired NotificationRepository outbox;

  @Override
  protected String engineRest() {
    return "/engine-rest/engine/" + ENGINE;
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void shouldInviteEachAddressOnceInEachOfItsGroupsAndLetTheLinkSetThePasswordOnce() throws Exception {
    addUnits("TKMOT;DISTRICT;UBND huyện Tài Khoản Một;Can.Bo@tkmot.example;lanhdao@tkmot.example",
        "TKHAI;DEPARTMENT;Sở Tài Khoản Hai;;can.bo@tkmot.example");

    JsonNode summary = createAccounts();
    assertThat(summary.path("created").asInt()).isEqualTo(2);
    assertThat(summary.path("invited").asInt()).isEqualTo(2);
    assertThat(summary.path("mailOff").asBoolean()).isFalse();

    // One account for the address listed twice, named by its first role, in both groups.
    User officer = identity().createUserQuery().userId("can.bo@tkmot.example").singleResult();
    assertThat(officer.getFirstName()).isEqualTo("Cán bộ");
    assertThat(officer.getLastName()).isEqualTo("UBND huyện Tài Khoản Một");
    assertThat(officer.getEmail()).isEqualTo("Can.Bo@tkmot.example");
    assertThat(groups("can.bo@tkmot.example")).containsExactlyInAnyOrder(Groups.unitOfficers("TKMOT"),
        Groups.unitLeaders("TKHAI"));
    assertThat(groups("lanhdao@tkmot.example")).containsExactly(Groups.unitLeaders("TKMOT"));

    MimeMessage mail = awaitMail("can.bo@tkmot.example", 1);
    String text = text(mail);
    assertThat(mail.getSubject()).isEqualTo("[Sơ kết] Tài khoản của đồng chí: đặt mật khẩu để đăng nhập");
    assertThat(text).contains("Kính gửi đồng chí", "Tên đăng nhập: can.bo@tkmot.example",
        "Đường dẫn chỉ dùng được một lần, có hiệu lực 72 giờ", "Cán bộ - UBND huyện Tài Khoản Một",
        "Lãnh đạo - Sở Tài Khoản Hai", "/camunda/app/tasklist/");
    assertNothingMailedSignsIn("can.bo@tkmot.example", mail);
    assertNothingMailedSignsIn("lanhdao@tkmot.example", awaitMail("lanhdao@tkmot.example", 1));

    // The link opens the page, which never lets the link travel on.
    String link = link(mail);
    ResponseEntity<String> page = rest.getForEntity(URI.create(local(link)), String.class);
    assertStatus(page, 200);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("Đặt mật khẩu tài khoản", "dat-mat-khau.js");
    assertThat(page.getHeaders().getCacheControl()).contains("no-store");
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertStatus(rest.getForEntity("/tai-khoan/dat-mat-khau.js", String.class), 200);

    String token = token(mail);
    JsonNode check = read(anonymous("/api/invitations/check", Map.of("token", token)));
    assertThat(check.path("state").asText()).isEqualTo("VALID");
    assertThat(check.path("account").asText()).isEqualTo("can.bo@tkmot.example");
    assertStatus(basic("can.bo@tkmot.example", GOOD), 401);

    ResponseEntity<String> set = setPassword(token, GOOD, GOOD);
    assertStatus(set, 200);
    assertThat(read(set).path("account").asText()).isEqualTo("can.bo@tkmot.example");
    assertStatus(basic("can.bo@tkmot.example", GOOD), 200);
    new WebappSession(port, ENGINE, "can.bo@tkmot.example", GOOD);

    // A second use of the link is refused, in Vietnamese, and changes nothing.
    ResponseEntity<String> again = setPassword(token, "Khac-Han-2026?y", "Khac-Han-2026?y");
    assertStatus(again, 410);
    assertThat(read(again).path("state").asText()).isEqualTo("USED");
    assertThat(read(again).path("message").asText()).contains("đã được dùng để đặt mật khẩu");
    assertStatus(basic("can.bo@tkmot.example", "Khac-Han-2026?y"), 401);
    assertStatus(basic("can.bo@tkmot.example", GOOD), 200);
    assertThat(account("can.bo@tkmot.example").path("state").asText()).isEqualTo("ACTIVE");

    // The outbox keeps no link that works once the mail has gone.
    await("the invitation recorded sent", Duration.ofSeconds(20), () -> invitationsTo("can.bo@tkmot.example").stream()
        .allMatch(n -> n.getLink() == null));
    assertThat(invitationsTo("can.bo@tkmot.example")).singleElement()
        .satisfies(n -> assertThat(n.getBody()).doesNotContain(token).contains("không lưu lại"));
  }

  @Test
  void shouldRefuseAnExpiredLinkInVietnameseAndMailANewOneOnRequestAtMostOnceInTenMinutes() throws Exception {
    addUnits("TKBA;DISTRICT;UBND huyện Tài Khoản Ba;canbo@tkba.example;");
    // The invitation goes out 73 hours ago, by the application's clock.
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofHours(73))));
    assertThat(createAccounts().path("created").asInt()).isEqualTo(1);
    ClockUtil.reset();
    String expired = token(awaitMail("canbo@tkba.example", 1));

    JsonNode check = read(anonymous("/api/invitations/check", Map.of("token", expired)));
    assertThat(check.path("state").asText()).isEqualTo("EXPIRED");
    assertThat(check.path("message").asText()).contains("đã hết hạn", "Gửi lại đường dẫn");
    ResponseEntity<String> refused = setPassword(expired, GOOD, GOOD);
    assertStatus(refused, 410);
    assertThat(read(refused).path("state").asText()).isEqualTo("EXPIRED");
    assertStatus(basic("canbo@tkba.example", GOOD), 401);
    assertThat(account("canbo@tkba.example").path("state").asText()).isEqualTo("INVITED");
    assertThat(account("canbo@tkba.example").path("linkExpired").asBoolean()).isTrue();

    // Asked for 11 minutes ago (the clock moved back, so that no timer anywhere fires early): a new link.
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(11))));
    ResponseEntity<String> renewal = anonymous("/api/invitations/renewal", Map.of("token", expired));
    assertStatus(renewal, 202);
    String fresh = token(awaitMail("canbo@tkba.example", 2));
    assertThat(fresh).isNotEqualTo(expired);
    // Asked again at once, with either link, or with a token that is no link: the same answer, no mail.
    assertThat(anonymous("/api/invitations/renewal", Map.of("token", expired)).getBody()).isEqualTo(renewal.getBody());
    assertThat(anonymous("/api/invitations/renewal", Map.of("token", fresh)).getBody()).isEqualTo(renewal.getBody());
    assertThat(anonymous("/api/invitations/renewal", Map.of("token", "khong-phai-duong-dan")).getBody())
        .isEqualTo(renewal.getBody());
    assertThat(invitationsTo("canbo@tkba.example")).hasSize(2);

    // Ten minutes on, the person may ask again; the link before stops working.
    ClockUtil.reset();
    assertStatus(anonymous("/api/invitations/renewal", Map.of("token", expired)), 202);
    String third = token(awaitMail("canbo@tkba.example", 3));
    assertThat(invitationsTo("canbo@tkba.example")).hasSize(3);
    assertStatus(setPassword(fresh, GOOD, GOOD), 410);
    assertStatus(setPassword(third, GOOD, GOOD), 200);
    assertStatus(basic("canbo@tkba.example", GOOD), 200);
  }

  @Test
  void shouldSendANewLinkWhenTheAdministratorAsksAndStopTheOldOne() throws Exception {
    addUnits("TKBON;DEPARTMENT;Sở Tài Khoản Bốn;canbo@tkbon.example;");
    createAccounts();
    String first = token(awaitMail("canbo@tkbon.example", 1));
    JsonNode before = account("canbo@tkbon.example");
    assertThat(before.path("state").asText()).isEqualTo("INVITED");
    assertThat(Instant.parse(before.path("linkExpiresAt").asText()))
        .isBetween(Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(73)));

    ResponseEntity<String> resent = as(ADMIN).postForEntity("/api/accounts/canbo@tkbon.example/invitation", null,
        String.class);
    assertStatus(resent, 202);
    assertThat(read(resent).toString()).doesNotContain("ma=");
    String second = token(awaitMail("canbo@tkbon.example", 2));

    assertThat(read(anonymous("/api/invitations/check", Map.of("token", first))).path("state").asText())
        .isEqualTo("REPLACED");
    ResponseEntity<String> old = setPassword(first, GOOD, GOOD);
    assertStatus(old, 410);
    assertThat(read(old).path("message").asText()).contains("đã có đường dẫn mới hơn");
    assertStatus(basic("canbo@tkbon.example", GOOD), 401);

    // The address written as a browser encodes it reaches the same account.
    RawHttp.Answer encoded = new RawHttp(port, "127.0.0.1").basic(ADMIN, PASSWORD)
        .send("POST", "/api/accounts/canbo%40tkbon.example/invitation", null);
    assertThat(encoded.status()).as(encoded.body()).isEqualTo(202);
    String third = token(awaitMail("canbo@tkbon.example", 3));
    assertStatus(setPassword(second, GOOD, GOOD), 410);

    assertStatus(setPassword(third, GOOD, GOOD), 200);
    assertStatus(basic("canbo@tkbon.example", GOOD), 200);
    assertStatus(as(ADMIN).postForEntity("/api/accounts/khongco@tkbon.example/invitation", null, String.class), 404);
  }

  @Test
  void shouldCreateNothingTwice() throws Exception {
    addUnits("TKNAM;DISTRICT;UBND huyện Tài Khoản Năm;canbo@tknam.example;lanhdao@tknam.example",
        "TKSAU;DEPARTMENT;Sở Tài Khoản Sáu;canbo+sau@tknam.example;");
    JsonNode first = createAccounts();
    assertThat(first.path("created").asInt()).isEqualTo(2);
    // An address the engine cannot take as an account's id is named, with why.
    assertThat(first.path("skipped").toString()).contains("canbo+sau@tknam.example", "không dùng trong tên đăng nhập");
    awaitMail("canbo@tknam.example", 1);
    awaitMail("lanhdao@tknam.example", 1);
    long users = identity().createUserQuery().count();
    long invitations = outbox.findAll().stream().filter(n -> n.getKind() == NotificationKind.ACCOUNT_INVITATION).count();

    JsonNode second = createAccounts();
    assertThat(second.path("created").asInt()).isZero();
    assertThat(second.path("invited").asInt()).isZero();
    assertThat(second.path("reactivated").asInt()).isZero();
    assertThat(second.path("alreadyThere").asInt()).isEqualTo(first.path("alreadyThere").asInt() + 2);
    assertThat(identity().createUserQuery().count()).isEqualTo(users);
    assertThat(outbox.findAll().stream().filter(n -> n.getKind() == NotificationKind.ACCOUNT_INVITATION).count())
        .isEqualTo(invitations);
    // The outbox is polled every 0.2 s: a second mail would have arrived by now.
    Thread.sleep(1500);
    assertThat(mailTo("canbo@tknam.example")).hasSize(1);
    assertThat(mailTo("lanhdao@tknam.example")).hasSize(1);
    assertThat(groups("canbo@tknam.example")).containsExactly(Groups.unitOfficers("TKNAM"));

    // An edition other than the one in use (the page was stale): refused, nothing made.
    long inUse = second.path("edition").asLong();
    ResponseEntity<String> stale = as(ADMIN).postForEntity("/api/accounts?edition=" + (inUse - 1), null, String.class);
    assertStatus(stale, 409);
    assertThat(read(stale).path("message").asText()).contains("không phải phiên bản đang dùng");
    assertStatus(as(ADMIN).postForEntity("/api/accounts?edition=" + inUse, null, String.class), 200);

    // A user deleted in Admin by hand is made again, with a new link, at the next run.
    identity().deleteUser("lanhdao@tknam.example");
    JsonNode third = createAccounts();
    assertThat(third.path("reactivated").asInt()).isEqualTo(1);
    assertThat(third.path("created").asInt()).isZero();
    assertThat(identity().createUserQuery().userId("lanhdao@tknam.example").singleResult().getLastName())
        .isEqualTo("UBND huyện Tài Khoản Năm");
    assertThat(groups("lanhdao@tknam.example")).containsExactly(Groups.unitLeaders("TKNAM"));
    assertStatus(setPassword(token(awaitMail("lanhdao@tknam.example", 2)), GOOD, GOOD), 200);
  }

  @Test
  void shouldDisableTheAccountsOfAUnitThatLeavesTheRegistryAndKeepTheirNames() throws Exception {
    String before = registry();
    addUnits("TKBAY;DISTRICT;UBND huyện Tài Khoản Bảy;canbo@tkbay.example chung@tkbay.example;lanhdao@tkbay.example",
        "TKTAM;DEPARTMENT;Sở Tài Khoản Tám;;chung@tkbay.example");
    createAccounts();
    assertStatus(setPassword(token(awaitMail("canbo@tkbay.example", 1)), GOOD, GOOD), 200);
    assertStatus(setPassword(token(awaitMail("chung@tkbay.example", 1)), GOOD, GOOD), 200);
    String leaderLink = token(awaitMail("lanhdao@tkbay.example", 1));
    assertStatus(basic("canbo@tkbay.example", GOOD), 200);
    assertThat(webappSignIn("canbo@tkbay.example", GOOD)).isEqualTo(200);

    // A new edition without Tài Khoản Bảy: Tài Khoản Tám stays.
    loadEdition(before + "TKTAM;DEPARTMENT;Sở Tài Khoản Tám;;chung@tkbay.example\n");

    User gone = identity().createUserQuery().userId("canbo@tkbay.example").singleResult();
    assertThat(gone).as("the user stays, for history").isNotNull();
    assertThat(gone.getFirstName() + " " + gone.getLastName()).isEqualTo("Cán bộ UBND huyện Tài Khoản Bảy");
    assertThat(groups("canbo@tkbay.example")).isEmpty();
    assertThat(groups("lanhdao@tkbay.example")).isEmpty();
    assertStatus(basic("canbo@tkbay.example", GOOD), 401);
    assertThat(webappSignIn("canbo@tkbay.example", GOOD)).as("the webapps' sign-in").isEqualTo(401);
    assertThat(account("canbo@tkbay.example").path("state").asText()).isEqualTo("DISABLED");
    assertThat(account("canbo@tkbay.example").path("disabledAt").isNull()).isFalse();
    // The leader's unused link no longer works, nor can it bring a new one.
    ResponseEntity<String> leader = setPassword(leaderLink, GOOD, GOOD);
    assertStatus(leader, 410);
    assertThat(read(leader).path("state").asText()).isEqualTo("REPLACED");
    assertStatus(anonymous("/api/invitations/renewal", Map.of("token", leaderLink)), 202);
    ResponseEntity<String> resend = as(ADMIN).postForEntity("/api/accounts/lanhdao@tkbay.example/invitation", null,
        String.class);
    assertStatus(resend, 409);
    assertThat(read(resend).path("message").asText()).contains("đã bị vô hiệu hóa");
    assertThat(invitationsTo("lanhdao@tkbay.example")).hasSize(1);

    // The address still listed by the unit that stays keeps its account, in that unit's group only.
    assertThat(account("chung@tkbay.example").path("state").asText()).isEqualTo("ACTIVE");
    assertThat(groups("chung@tkbay.example")).containsExactly(Groups.unitLeaders("TKTAM"));
    assertStatus(basic("chung@tkbay.example", GOOD), 200);

    // The unit back in the registry: its accounts made active again, each with a new link.
    addUnits("TKBAY;DISTRICT;UBND huyện Tài Khoản Bảy;canbo@tkbay.example;lanhdao@tkbay.example");
    JsonNode back = createAccounts();
    assertThat(back.path("reactivated").asInt()).isEqualTo(2);
    assertThat(back.path("created").asInt()).isZero();
    assertThat(identity().checkPassword("canbo@tkbay.example", GOOD)).as("the password before it was disabled").isFalse();
    assertStatus(setPassword(token(awaitMail("canbo@tkbay.example", 2)), GOOD, GOOD), 200);
    assertStatus(basic("canbo@tkbay.example", GOOD), 200);
    assertThat(groups("canbo@tkbay.example")).containsExactly(Groups.unitOfficers("TKBAY"));
  }

  @Test
  void shouldLetOnlyAdministratorsReachTheAccountsApi() {
    user("tkofficer", Groups.unitOfficers("GOC"));
    for (String path : List.of("/api/accounts", "/api/accounts/canbo@goc.example/invitation")) {
      assertStatus(rest.postForEntity(path, null, String.class), 401);
      assertStatus(as("tkofficer").postForEntity(path, null, String.class), 403);
    }
    assertStatus(rest.getForEntity("/api/accounts", String.class), 401);
    assertStatus(as("tkofficer").getForEntity("/api/accounts", String.class), 403);
    assertStatus(as(ADMIN).getForEntity("/api/accounts", String.class), 200);
    assertThat(read(as(ADMIN).getForEntity("/api/accounts", String.class)).toString()).doesNotContain("ma=");
  }

  @Test
  void shouldRefuseAPasswordThePolicyRefusesWithItsRulesInVietnameseAndChangeNothing() throws Exception {
    addUnits("TKCHIN;DISTRICT;UBND huyện Tài Khoản Chín;canbo@tkchin.example;");
    createAccounts();
    String token = token(awaitMail("canbo@tkchin.example", 1));

    ResponseEntity<String> weak = setPassword(token, "ngan", "ngan");
    assertStatus(weak, 400);
    assertThat(read(weak).path("problems").toString()).contains("Mật khẩu phải có ít nhất 10 ký tự",
        "Mật khẩu phải có ít nhất 1 chữ in hoa (A–Z)", "Mật khẩu phải có ít nhất 1 chữ số (0–9)",
        "Mật khẩu phải có ít nhất 1 ký tự đặc biệt").doesNotContain("chữ thường");
    ResponseEntity<String> ownName = setPassword(token, "X9!canbo@tkchin.example", "X9!canbo@tkchin.example");
    assertStatus(ownName, 400);
    assertThat(read(ownName).path("problems").toString()).contains("không được chứa tên đăng nhập");
    ResponseEntity<String> mismatch = setPassword(token, GOOD, GOOD + "x");
    assertStatus(mismatch, 400);
    assertThat(read(mismatch).path("problems").toString()).contains("Hai lần nhập mật khẩu không giống nhau");

    for (String refused : List.of("ngan", "X9!canbo@tkchin.example", GOOD, GOOD + "x")) {
      assertThat(identity().checkPassword("canbo@tkchin.example", refused)).as(refused).isFalse();
    }
    assertThat(read(anonymous("/api/invitations/check", Map.of("token", token))).path("state").asText())
        .isEqualTo("VALID");
    assertThat(account("canbo@tkchin.example").path("state").asText()).isEqualTo("INVITED");

    // A browser that also holds a webapp session is not asked for the webapps' CSRF token here.
    user("tkchinofficer", Groups.unitOfficers("GOC"));
    WebappSession session = new WebappSession(port, ENGINE, "tkchinofficer", PASSWORD);
    var withSession = session.sendWithoutCsrfToken("POST", "/api/invitations/password",
        json.writeValueAsString(Map.of("token", token, "password", GOOD, "repeat", GOOD)));
    assertThat(withSession.statusCode()).as(withSession.body()).isEqualTo(200);
    assertStatus(basic("canbo@tkchin.example", GOOD), 200);
  }

  // ---------------------------------------------------------------------------------------------

  IdentityService identity() {
    return engine.getIdentityService();
  }

  List<String> groups(String userId) {
    return identity().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** Every word of the mail tried as the account's password, the way sign-in checks it. */
  void assertNothingMailedSignsIn(String userId, MimeMessage mail) throws Exception {
    String all = mail.getSubject() + " " + text(mail);
    List<String> words = Arrays.stream(all.split("[\\s«»()\":,]+")).filter(w -> !w.isBlank()).distinct().toList();
    assertThat(words).hasSizeGreaterThan(50);
    assertThat(words.stream().filter(word -> identity().checkPassword(userId, word)).toList())
        .as("words of the mail that sign " + userId + " in").isEmpty();
    assertThat(all).doesNotContainIgnoringCase("mật khẩu:").doesNotContainIgnoringCase("mật khẩu là");
  }

  /** The webapps' sign-in page's request, as the browser sends it (its session's CSRF token), from another machine. */
  int webappSignIn(String userId, String password) {
    WebappSession visitor = new WebappSession(port, ENGINE, null, null);
    return new RawHttp(port, "127.0.0.3").header("Cookie", visitor.cookieHeader())
        .header("X-XSRF-TOKEN", visitor.csrfToken())
        .send("POST", "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist", "application/x-www-form-urlencoded",
            "username=" + java.net.URLEncoder.encode(userId, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8), Map.of()).status();
  }

  String registry() {
    ResponseEntity<byte[]> file = as(ADMIN).getForEntity("/api/registry", byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    return new String(file.getBody(), java.nio.charset.StandardCharsets.UTF_8);
  }

  void loadEdition(String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    assertStatus(as(ADMIN).exchange("/api/registry/editions?source=test", HttpMethod.POST,
        new HttpEntity<>(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class), 201);
  }

  void addUnits(String... lines) {
    loadEdition(registry() + String.join("\n", lines) + "\n");
  }

  JsonNode createAccounts() {
    ResponseEntity<String> response = as(ADMIN).postForEntity("/api/accounts", null, String.class);
    assertStatus(response, 200);
    return read(response);
  }

  JsonNode account(String id) {
    for (JsonNode account : read(as(ADMIN).getForEntity("/api/accounts", String.class))) {
      if (account.path("id").asText().equals(id)) {
        return account;
      }
    }
    throw new AssertionError("no account " + id);
  }

  List<Notification> invitationsTo(String userId) {
    return outbox.findAll().stream().filter(n -> n.getKind() == NotificationKind.ACCOUNT_INVITATION
        && userId.equalsIgnoreCase(n.getRecipientEmail())).toList();
  }

  ResponseEntity<String> anonymous(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> setPassword(String token, String password, String repeat) {
    return anonymous("/api/invitations/password", Map.of("token", token, "password", password, "repeat", repeat));
  }

  /** HTTP Basic to the engine's task list, as a program or Tasklist's API calls it. */
  ResponseEntity<String> basic(String userId, String password) {
    return rest.withBasicAuth(userId, password).getForEntity(engineRest() + "/task?maxResults=50", String.class);
  }

  List<MimeMessage> mailTo(String address) {
    return Mailbox.to(smtp, address);
  }

  /** The {@code count}th mail to the address, once it has arrived. */
  MimeMessage awaitMail(String address, int count) {
    return Mailbox.await(smtp, address, count);
  }

  static String text(MimeMessage mail) throws Exception {
    return mail.getContent().toString();
  }

  static String link(MimeMessage mail) throws Exception {
    Matcher matcher = LINK.matcher(text(mail));
    assertThat(matcher.find()).as("a link in the mail").isTrue();
    return matcher.group(1);
  }

  static String token(MimeMessage mail) throws Exception {
    Matcher matcher = LINK.matcher(text(mail));
    assertThat(matcher.find()).as("a link in the mail").isTrue();
    return matcher.group(2);
  }

  /** The mail's link, on this test's port: the application's public address is configured, not this one. */
  String local(String link) {
    return "http://localhost:" + port + link.substring(link.indexOf("/tai-khoan/"));
  }
}
