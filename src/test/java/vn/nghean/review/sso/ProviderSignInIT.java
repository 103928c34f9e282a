package vn.nghean.review.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.browser.Browser;
import vn.nghean.review.support.AppNode;

/**
 * Sign-in with the province's identity provider, against a real Keycloak that imported the realm
 * file a province starts from (docs/keycloak/nghean-realm.json) and the packaged application with its
 * demo campaign: people sign in through Keycloak's own page (in Chromium, and by HTTP as a browser
 * would), programs call with client-credentials tokens, a person or program taken out of a unit's group
 * at the provider loses the unit's task, and tokens of another realm, expired or without groups are
 * refused. Screenshots in {@code target/screenshots/sso-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderSignInIT {

  static final Path DATA = Path.of("target", "sso");
  static final String PASSWORD = "Matkhau@2026";
  static final String VINH_TASK = "Chọn hình thức sơ kết";
  private static final ObjectMapper JSON = new ObjectMapper();

  AppNode app;
  Keycloak keycloak;
  String expiring;
  Instant expiringIssued;

  @BeforeAll
  void start() throws Exception {
    AppNode.deleteTree(DATA);
    int keycloakPort = Keycloak.freePort();
    app = AppNode.start("sso", List.of(
        "--spring.datasource.url=jdbc:h2:file:./" + DATA.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--review.oidc.issuer=http://localhost:" + keycloakPort + "/realms/" + Keycloak.REALM,
        "--review.oidc.client-id=so-ket", "--review.oidc.client-secret=" + Keycloak.CLIENT_SECRET,
        "--review.oidc.audience=so-ket", "--review.oidc.groups-cache=PT3S",
        "--review.sign-in.basic-for-programs=false", "--logging.level.vn.nghean.review.gate=DEBUG"));
    keycloak = Keycloak.start(keycloakPort, "http://localhost:" + app.port);
    keycloak.createPerson("canbo.vinh", "Nguyễn Văn", "An", "an.nv@nghean.example", PASSWORD, "unitVINH");
    keycloak.createPerson("truongphong.pv01", "Trần Thị", "Bình", "binh.tt@nghean.example", PASSWORD, "pv01");
    // A token that expires in a second, for the last test (the application allows a minute of clock skew).
    keycloak.createProgramClient(Keycloak.REALM, "het-han", "bi-mat", true, Map.of("access.token.lifespan", "1"));
    keycloak.join(keycloak.serviceAccount("het-han"), "unitVINH");
    expiring = keycloak.programToken(Keycloak.REALM, "het-han", "bi-mat");
    expiringIssued = Instant.now();
    // HTTP Basic is off: the administrator's checks below go through a program of the provider's in camunda-admin.
    keycloak.createProgramClient(Keycloak.REALM, "quan-tri", "bi-mat-quan-tri", true, Map.of());
    keycloak.join(keycloak.serviceAccount("quan-tri"), "camunda-admin");
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  @Order(1)
  void aUnitOfficerShouldSignInThroughKeycloaksPageAndLandOnTheirUnitsTask() {
    try (Browser browser = new Browser(app.port)) {
      browser.open("/camunda/app/tasklist/default/");
      signInAtKeycloak(browser, "canbo.vinh");
      By card = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'UBND thành phố Vinh')]]"
          + "[.//a[normalize-space()='" + VINH_TASK + "']]");
      browser.visible(card);
      assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:" + app.port + "/camunda/app/tasklist/");
      assertThat(browser.pageText()).doesNotContain("UBND thị xã Cửa Lò");
      browser.screenshot("sso-unit-officer-tasklist");
    }
  }

  @Test
  @Order(2)
  void pv01ShouldSignInToCockpitAndSignOutAtKeycloakToo() {
    try (Browser browser = new Browser(app.port)) {
      browser.open("/camunda/app/cockpit/default/");
      signInAtKeycloak(browser, "truongphong.pv01");
      browser.visible(By.cssSelector(".dashboard, [cam-widget-header], .navbar"));
      browser.await().until(driver -> driver.getCurrentUrl().contains("/camunda/app/cockpit/default/"));
      browser.await().until(driver -> browser.pageText().contains("Trần Thị Bình") || browser.pageText().contains("truongphong.pv01"));
      browser.screenshot("sso-pv01-cockpit");

      // Sign out from the user menu: the session ends here and at Keycloak, whose page asks again.
      browser.click(By.cssSelector(".account.dropdown > a, .account .dropdown-toggle"));
      browser.click(By.cssSelector("a[ng-click='logout()']"));
      try {
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
      } catch (org.openqa.selenium.TimeoutException notThere) {
        browser.screenshot("sso-sign-out-failed");
        throw new AssertionError("After signing out the browser is at " + browser.driver().getCurrentUrl()
            + " reading: " + browser.pageText(), notThere);
      }
      assertThat(browser.driver().getCurrentUrl()).startsWith(keycloak.issuer() + "/");
      browser.screenshot("sso-signed-out");
      // Opening Cockpit again does not sign in without the password: the provider's session is over.
      browser.open("/camunda/app/cockpit/default/");
      browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
    }
  }

  @Test
  @Order(3)
  void thePersonShouldBeWrittenInTheEngineWithTheProvidersNameEmailAndGroups() throws Exception {
    new WebSession(app, keycloak).signIn("canbo.vinh");
    JsonNode profile = JSON.readTree(asAdministrator("/engine-rest/user/canbo.vinh/profile").body());
    assertThat(profile.get("firstName").asText()).isEqualTo("Nguyễn Văn");
    assertThat(profile.get("lastName").asText()).isEqualTo("An");
    assertThat(profile.get("email").asText()).isEqualTo("an.nv@nghean.example");
    assertThat(groupsOf("canbo.vinh")).containsExactly("unitVINH");
  }

  @Test
  @Order(4)
  void aPersonTakenOutOfTheUnitAtKeycloakShouldLoseItsTaskWithinTheGroupsCache() throws Exception {
    String id = keycloak.createPerson("canbo2.vinh", "Lê Văn", "Cường", "cuong.lv@nghean.example", PASSWORD,
        "unitVINH");
    WebSession session = new WebSession(app, keycloak);
    session.signIn("canbo2.vinh");
    assertThat(session.taskNames()).contains(VINH_TASK);

    keycloak.leave(id, "unitVINH");
    Thread.sleep(4000);
    // The next request past the groups' cache time asks Keycloak again (refresh token): the unit is gone.
    assertThat(session.taskNames()).doesNotContain(VINH_TASK);
    assertThat(groupsOf("canbo2.vinh")).isEmpty();
  }

  @Test
  @Order(5)
  void aProgramShouldReadTheEngineWithAClientCredentialsTokenAndLoseTheUnitWithItsGroup() throws Exception {
    String account = keycloak.serviceAccount("so-ket-program");
    keycloak.join(account, "unitVINH");
    String token = keycloak.programToken(Keycloak.REALM, "so-ket-program", Keycloak.PROGRAM_SECRET);
    HttpResponse<String> tasks = bearer("/engine-rest/task?maxResults=100", token);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.body()).contains(VINH_TASK);

    // Moved to another unit at the provider: the next token reads that unit's work, not Vinh's.
    keycloak.leave(account, "unitVINH");
    keycloak.join(account, "unitCUALO");
    String moved = keycloak.programToken(Keycloak.REALM, "so-ket-program", Keycloak.PROGRAM_SECRET);
    HttpResponse<String> cuaLo = bearer("/engine-rest/task?maxResults=100", moved);
    assertThat(cuaLo.statusCode()).as(cuaLo.body()).isEqualTo(200);
    assertThat(taskUnits(cuaLo)).isNotEmpty().allSatisfy(unit -> assertThat(unit).isEqualTo("CUALO"));
    assertThat(groupsOf("service-account-so-ket-program")).containsExactly("unitCUALO");

    // In no group at all: Keycloak's token then has no groups claim, and is refused.
    keycloak.leave(account, "unitCUALO");
    HttpResponse<String> none = bearer("/engine-rest/task?maxResults=100",
        keycloak.programToken(Keycloak.REALM, "so-ket-program", Keycloak.PROGRAM_SECRET));
    assertThat(none.statusCode()).isEqualTo(401);
  }

  /** The unit of each task listed, from its process instance's business key (the unit's code). */
  private List<String> taskUnits(HttpResponse<String> tasks) throws IOException, InterruptedException {
    List<String> units = new java.util.ArrayList<>();
    for (JsonNode task : JSON.readTree(tasks.body())) {
      JsonNode instance = JSON.readTree(asAdministrator("/engine-rest/process-instance/"
          + task.get("processInstanceId").asText()).body());
      units.add(vn.nghean.review.process.UnitReviewProcess.Key.of(instance.get("businessKey").asText()).unitCode());
    }
    return units;
  }

  @Test
  @Order(7)
  void tokensOfAnotherRealmOrWithoutTheGroupsClaimShouldBeRefused() throws Exception {
    keycloak.createRealm("khac");
    keycloak.createProgramClient("khac", "so-ket-program", "bi-mat-khac", true, Map.of());
    String otherRealm = keycloak.programToken("khac", "so-ket-program", "bi-mat-khac");
    assertRefused(bearer("/engine-rest/task?maxResults=100", otherRealm));
    assertRefused(bearer("/api/units", otherRealm));

    keycloak.createProgramClient(Keycloak.REALM, "khong-nhom", "bi-mat", false, Map.of());
    String withoutGroups = keycloak.programToken(Keycloak.REALM, "khong-nhom", "bi-mat");
    assertRefused(bearer("/engine-rest/task?maxResults=100", withoutGroups));

    assertRefused(bearer("/engine-rest/task?maxResults=100", "khong-phai-token"));
  }

  @Test
  @Order(6)
  void httpBasicShouldBeRefusedWhenSwitchedOff() throws Exception {
    // The demo's administrator and password, right, yet refused: programs use the provider's tokens only.
    HttpResponse<String> basic = app.get("/engine-rest/task?maxResults=100", "demo");
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(basic.body()).doesNotContain(VINH_TASK);
  }

  @Test
  @Order(8)
  void anExpiredTokenShouldBeRefused() throws Exception {
    // Issued with a lifespan of one second; refused once past it and the minute of allowed clock skew.
    Duration wait = Duration.between(Instant.now(), expiringIssued.plusSeconds(63));
    if (!wait.isNegative()) {
      Thread.sleep(wait.toMillis());
    }
    assertRefused(bearer("/engine-rest/task?maxResults=100", expiring));
  }

  private void assertRefused(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(answer.body()).contains("Mã truy cập (token) không hợp lệ");
    assertThat(answer.body()).doesNotContain(VINH_TASK);
  }

  private List<String> groupsOf(String user) throws IOException, InterruptedException {
    JsonNode groups = JSON.readTree(asAdministrator("/engine-rest/group?maxResults=100&member=" + user).body());
    return java.util.stream.StreamSupport.stream(groups.spliterator(), false).map(group -> group.get("id").asText())
        .toList();
  }

  private HttpResponse<String> asAdministrator(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = bearer(path, keycloak.programToken(Keycloak.REALM, "quan-tri", "bi-mat-quan-tri"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private HttpResponse<String> bearer(String path, String token) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void signInAtKeycloak(Browser browser, String user) {
    browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.driver().findElement(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
    browser.driver().findElement(By.id("kc-login")).click();
  }

  /** A browser's session by HTTP: the redirects and Keycloak's sign-in form followed as a browser does. */
  static final class WebSession {
    private final AppNode app;
    private final HttpClient http;

    WebSession(AppNode app, Keycloak keycloak) {
      this.app = app;
      // Keycloak marks its cookies Secure; a browser sends them to http://localhost (a secure context),
      // Java's cookie manager only over https: the flag is dropped here, as for a browser on localhost.
      CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL) {
        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
          Map<String, List<String>> insecure = new java.util.HashMap<>();
          headers.forEach((name, values) -> insecure.put(name, name == null ? values
              : values.stream().map(value -> value.replaceAll("(?i);\\s*Secure", "")).toList()));
          super.put(uri, insecure);
        }
      };
      this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    void signIn(String user) throws IOException, InterruptedException {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port
          + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
      Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
          .matcher(page.body());
      assertThat(action.find()).as("Keycloak's sign-in form at %s", page.uri()).isTrue();
      String target = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
      HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(target))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(Keycloak.form(Map.of("username", user, "password", PASSWORD,
              "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(back.uri().toString()).as("where the sign-in of %s ends: %s", user, back.body())
          .startsWith("http://localhost:" + app.port + "/camunda/app/tasklist/default/");
    }

    List<String> taskNames() throws IOException, InterruptedException {
      HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port
          + "/camunda/api/engine/engine/default/task?maxResults=100")).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      if (tasks.statusCode() == 401) {
        return List.of();
      }
      assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
      return java.util.stream.StreamSupport.stream(JSON.readTree(tasks.body()).spliterator(), false)
          .map(task -> task.get("name").asText()).toList();
    }
  }
}
