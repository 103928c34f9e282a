package vn.nghean.review.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.RawHttp;
import vn.nghean.review.support.RawHttp.Answer;
import vn.nghean.review.support.WebappSession;

/**
 * The doors beside the front door (docs/security.md, "The gate"): every spelling of a path that is
 * not its plain form, on every prefix, anonymously and as a unit's officer, for reads and writes, is
 * refused and changes nothing; and each hole found on 2026-12-06 stays shut.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideDoorTest extends ApplicationTestBase {

  static final String CODE = "SK-SIDE";
  static final String OFFICER = "sdvinh";
  static final String PV01 = "sdpv01";

  String vinhTask;
  String vinhInstance;
  String cualoInstance;

  @BeforeAll
  void campaign() {
    user(OFFICER, Groups.unitOfficers("VINH"));
    user(PV01, Groups.PV01);
    user("sdcualo", Groups.unitOfficers("CUALO"));
    user("sdthaihoalead", Groups.unitLeaders("THAIHOA"));
    assertStatus(startCampaign(PV01, CODE, "VINH, CUALO"), 200);
    issueGuidance(CODE);
    var vinh = task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    vinhTask = vinh.getId();
    vinhInstance = vinh.getProcessInstanceId();
    cualoInstance = task(CODE + "/CUALO", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getProcessInstanceId();
  }

  /** A request of the sweep: what it asks, of which target. */
  record Target(String method, String path, String body) {}

  List<Target> targets() {
    String probe = "{\"profile\":{\"id\":\"sdprobe\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@evil.example\"},"
        + "\"credentials\":{\"password\":\"Probe-12345\"}}";
    String profile = "{\"id\":\"" + OFFICER + "\",\"firstName\":\"Trưởng phòng\",\"lastName\":\"PV01 Công an tỉnh\","
        + "\"email\":\"x@evil.example\"}";
    String comment = "{\"message\":\"Cửa Lò xin rút báo cáo\",\"processInstanceId\":\"" + cualoInstance + "\"}";
    return List.of(
        new Target("GET", "/camunda/app/admin/default/", null),
        new Target("POST", "/camunda/app/admin/default/", "{}"),
        new Target("GET", "/camunda/api/engine/engine/default/user?maxResults=3", null),
        new Target("POST", "/camunda/api/engine/engine/default/user/create", probe),
        new Target("PUT", "/camunda/api/engine/engine/default/group/camunda-admin/members/" + OFFICER, null),
        new Target("PUT", "/camunda/api/engine/engine/default/user/" + OFFICER + "/profile", profile),
        new Target("POST", "/camunda/api/engine/engine/default/signal", "{\"name\":\"x\"}"),
        new Target("GET", "/camunda/api/admin/plugin/adminPlugins/default/metrics/task-worker", null),
        new Target("POST", "/camunda/api/admin/setup/default/user/create", probe),
        new Target("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null),
        new Target("POST", "/camunda/api/cockpit/plugin/base/default/process-instance", "{}"),
        new Target("GET", "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", null),
        new Target("POST", "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", "{}"),
        new Target("GET", "/camunda/api/welcome/plugin/welcomePlugins/static/app/plugin.js", null),
        new Target("POST", "/camunda/api/welcome/plugin/welcomePlugins/static/app/plugin.js", "{}"),
        new Target("GET", "/engine-rest/user?maxResults=3", null),
        new Target("POST", "/engine-rest/user/create", probe),
        new Target("POST", "/engine-rest/signal", "{\"name\":\"x\"}"),
        new Target("PUT", "/engine-rest/job/suspended", "{\"suspended\":true,\"processInstanceId\":\"" + vinhInstance + "\"}"),
        new Target("POST", "/engine-rest/task/" + vinhTask + "/comment/create", comment),
        new Target("PUT", "/engine-rest/user/" + OFFICER + "/profile", profile),
        new Target("GET", "/api/notifications/failed", null),
        // The accounts made from the registry (administrators only) and the invitation page's endpoints
        // (anyone, with a link's token): no spelling reaches them past the firewall.
        new Target("POST", "/api/accounts", null),
        new Target("GET", "/api/accounts", null),
        new Target("POST", "/api/accounts/" + OFFICER + "/invitation", null),
        new Target("POST", "/api/invitations/password", "{\"token\":\"x\",\"password\":\"Mat-Khau-2026!\",\"repeat\":\"Mat-Khau-2026!\"}"),
        new Target("POST", "/api/invitations/renewal", "{\"token\":\"x\"}"),
        new Target("POST", "/api/backups", null),
        new Target("GET", "/actuator/prometheus", null),
        new Target("POST", "/actuator/prometheus", null));
  }

  /** Every spelling of {@code path} that is not its plain form: one change at a time, at each segment in turn. */
  static Set<String> spellings(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q);
    boolean trailingSlash = path.endsWith("/");
    String[] segments = path.substring(1).split("/");
    Set<String> variants = new LinkedHashSet<>();
    for (int i = 0; i < segments.length; i++) {
      variants.add(join(segments, i, segments[i] + ";x", trailingSlash) + query);
      variants.add(join(segments, i, segments[i] + ";", trailingSlash) + query);
      variants.add(join(segments, i, "/" + segments[i], trailingSlash) + query);
      variants.add(join(segments, i, "./" + segments[i], trailingSlash) + query);
      variants.add(join(segments, i, "%2e/" + segments[i], trailingSlash) + query);
      variants.add(join(segments, i, "%2E%2E/" + segments[i] + "/" + segments[i], trailingSlash) + query);
      variants.add(join(segments, i, segments[0] + "/..;/" + segments[i], trailingSlash) + query);
      variants.add(join(segments, i, segments[i].toUpperCase(Locale.ROOT), trailingSlash) + query);
      if (!segments[i].isEmpty() && Character.isLetterOrDigit(segments[i].charAt(0))) {
        variants.add(join(segments, i, String.format("%%%02X", (int) segments[i].charAt(0)) + segments[i].substring(1),
            trailingSlash) + query);
      }
      if (i + 1 < segments.length) {
        variants.add(join(segments, i, segments[i] + "%2F" + segments[i + 1], i + 1, trailingSlash) + query);
        variants.add(join(segments, i, segments[i] + "%5C" + segments[i + 1], i + 1, trailingSlash) + query);
      }
    }
    variants.add(path + ";" + query);
    variants.add(path + "/." + query);
    variants.remove(pathAndQuery);
    return variants;
  }

  private static String join(String[] segments, int at, String replacement, boolean trailingSlash) {
    return join(segments, at, replacement, at, trailingSlash);
  }

  private static String join(String[] segments, int from, String replacement, int to, boolean trailingSlash) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > from && i <= to) {
        continue;
      }
      path.append('/').append(i == from ? replacement : segments[i]);
    }
    return path.append(trailingSlash ? "/" : "").toString();
  }

  /** What the sweep must not change: users, administrators, comments, suspended jobs, a profile. */
  record State(long users, long administrators, int comments, long suspendedJobs, String profile) {}

  State state() {
    IdentityService identity = engine.getIdentityService();
    User officer = identity.createUserQuery().userId(OFFICER).singleResult();
    return new State(identity.createUserQuery().count(), identity.createUserQuery().memberOfGroup(Groups.ADMIN).count(),
        engine.getTaskService().getProcessInstanceComments(cualoInstance).size()
            + engine.getTaskService().getProcessInstanceComments(vinhInstance).size(),
        engine.getManagementService().createJobQuery().suspended().count(),
        officer.getFirstName() + "|" + officer.getLastName() + "|" + officer.getEmail());
  }

  @Test
  void shouldRefuseEverySpellingOfEveryPrefixAnonymouslyAndAsAUnitOfficerAndChangeNothing() {
    State before = state();
    WebappSession anonymous = new WebappSession(port, null, null);
    WebappSession officer = new WebappSession(port, OFFICER, PASSWORD);
    List<String> through = new ArrayList<>();
    int checks = 0;
    for (Target target : targets()) {
      for (String spelling : spellings(target.path())) {
        for (String caller : List.of("anonymous", OFFICER)) {
          WebappSession session = caller.equals(OFFICER) ? officer : anonymous;
          RawHttp http = new RawHttp(port, "127.0.0.1").header("Cookie", session.cookieHeader())
              .header("X-XSRF-TOKEN", session.csrfToken());
          if (caller.equals(OFFICER) && !target.path().startsWith("/camunda/")) {
            http.basic(OFFICER, PASSWORD);
          }
          Answer answer = http.send(target.method(), spelling, target.body());
          checks++;
          if (answer.status() < 400 || answer.status() >= 500) {
            through.add(caller + " " + target.method() + " " + spelling + " -> " + answer.status());
          }
        }
      }
    }
    assertThat(checks).isGreaterThan(1000);
    assertThat(through).as("spellings answered other than 4xx, of " + checks).isEmpty();
    assertThat(state()).isEqualTo(before);
    assertThat(engine.getIdentityService().createUserQuery().userId("sdprobe").count()).isZero();
  }

  @Test
  void shouldRefuseThePathParametersFoundOn20261206WithBadRequest() {
    WebappSession anonymous = new WebappSession(port, null, null);
    RawHttp nobody = new RawHttp(port, "127.0.0.1").header("Cookie", anonymous.cookieHeader())
        .header("X-XSRF-TOKEN", anonymous.csrfToken());
    assertThat(nobody.send("GET", "/camunda/api/engine;engine/default/user?maxResults=3", null).status()).isEqualTo(400);
    assertThat(nobody.send("POST", "/camunda/api/engine;engine/default/user/create", targets().get(3).body()).status())
        .isEqualTo(400);
    assertThat(nobody.send("GET", "/camunda/api/cockpit;plugin/base/default/process-definition/statistics", null)
        .status()).isEqualTo(400);
    Answer signal = new RawHttp(port, "127.0.0.1").basic(OFFICER, PASSWORD).send("POST", "/engine-rest;signal",
        "{\"name\":\"x\"}");
    assertThat(signal.status()).isEqualTo(400);
    assertThat(signal.body()).contains("Đường dẫn không hợp lệ");
    assertThat(engine.getIdentityService().createUserQuery().userId("probe1").count()).isZero();
  }

  @Test
  void shouldAskOnlyProgramsForHttpBasicNeverABrowserOnAWebappsPage() {
    // Cockpit looks for /camunda-welcome before anyone signs in: a Basic challenge there opened
    // Chromium's own password dialog, which took the keystrokes of the sign-in page.
    Answer welcome = new RawHttp(port, "127.0.0.1").send("GET", "/camunda-welcome", null);
    assertThat(welcome.status()).isEqualTo(401);
    assertThat(welcome.headers()).doesNotContainKey("www-authenticate");
    assertThat(new RawHttp(port, "127.0.0.1").send("GET", "/camunda/api/engine/engine/default/task", null).headers())
        .doesNotContainKey("www-authenticate");
    assertThat(new RawHttp(port, "127.0.0.1").send("GET", "/engine-rest/task", null).headers())
        .containsKey("www-authenticate");
  }

  @Test
  void shouldKeepAUnitsCommentInItsOwnInstance() {
    String comment = "{\"message\":\"Cửa Lò xin rút báo cáo\",\"processInstanceId\":\"" + cualoInstance + "\"}";
    var refused = post(OFFICER, "/engine-rest/task/" + vinhTask + "/comment/create", json(comment));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(engine.getTaskService().getProcessInstanceComments(cualoInstance)).isEmpty();

    var own = post(OFFICER, "/engine-rest/task/" + vinhTask + "/comment/create",
        json("{\"message\":\"Vinh đã chọn hình thức\"}"));
    assertStatus(own, 200);
    assertThat(engine.getTaskService().getTaskComments(vinhTask)).extracting(c -> c.getProcessInstanceId())
        .containsOnly(vinhInstance);
  }

  @Test
  void shouldLetNobodyButAnAdministratorSetAPersonsNameOrEmail() {
    String forged = "{\"id\":\"" + OFFICER + "\",\"firstName\":\"Trưởng phòng\",\"lastName\":\"PV01 Công an tỉnh\","
        + "\"email\":\"x@evil.example\"}";
    assertStatus(put(OFFICER, "/engine-rest/user/" + OFFICER + "/profile", json(forged)), 403);
    User officer = engine.getIdentityService().createUserQuery().userId(OFFICER).singleResult();
    assertThat(officer.getFirstName()).isEqualTo(OFFICER);
    assertThat(officer.getEmail()).isNull();

    // Their own password, giving the old one: yes; without it: no.
    user("sdchanger", Groups.unitOfficers("VINH"));
    assertStatus(put("sdchanger", "/engine-rest/user/sdchanger/credentials",
        json("{\"password\":\"Moi-Mat-Khau-1\",\"authenticatedUserPassword\":\"sai\"}")), 400);
    assertStatus(put("sdchanger", "/engine-rest/user/sdchanger/credentials",
        json("{\"password\":\"Moi-Mat-Khau-1\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}")), 204);
    assertThat(engine.getIdentityService().checkPassword("sdchanger", "Moi-Mat-Khau-1")).isTrue();
  }

  @Test
  void shouldLeaveRestartsAndStartsPastTheStartFormToAdministrators() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(vn.nghean.review.process.CampaignProcess.KEY).latestVersion().singleResult().getId();
    String restart = "{\"processInstanceIds\":[\"" + vinhInstance + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"IssueGuidance\"}],\"initialVariables\":true}";
    assertThat(new RawHttp(port, "127.0.0.1").basic(PV01, PASSWORD)
        .send("POST", "/engine-rest;process-definition/" + definition + "/restart", restart).status()).isEqualTo(400);
    assertStatus(post(PV01, "/engine-rest/process-definition/" + definition + "/restart", json(restart)), 403);
    assertStatus(post(PV01, "/engine-rest/process-definition/" + definition + "/start",
        json("{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"IssueGuidance\"}]}")), 403);

    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(PV01, List.of(Groups.PV01));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().restartProcessInstances(definition))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceById(definition)
          .startBeforeActivity(CampaignProcess.Element.ISSUE_GUIDANCE).execute()).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldNeverLockAPersonOutWhateverAStrangerSends() {
    String leader = "sdthaihoalead";
    RawHttp stranger = new RawHttp(port, "127.0.0.1");
    int throttled = 0;
    for (int i = 0; i < 30; i++) {
      Map<String, String> forged = i % 3 == 0 ? Map.of("X-Forwarded-For", "127.0.0." + (10 + i)) : Map.of();
      Answer answer = stranger.basic(leader, "sai-" + i).send("GET", "/api/units", null, null, forged);
      assertThat(answer.status()).isIn(401, 429);
      if (answer.status() == 429) {
        throttled++;
        assertThat(answer.headers()).containsKey("retry-after");
        assertThat(answer.body()).contains("Đăng nhập sai quá nhiều lần");
      }
    }
    // The stranger's forged addresses did not buy fresh attempts: most were answered 429 unchecked.
    assertThat(throttled).isGreaterThanOrEqualTo(20);
    // The leader, from their own machine, signs in at once, through the API and the webapps' page.
    assertThat(new RawHttp(port, "127.0.0.2").basic(leader, PASSWORD).send("GET", "/api/units", null).status())
        .isEqualTo(200);
    assertThat(engine.getIdentityService().checkPassword(leader, PASSWORD)).isTrue();
    // Nor does the engine lock anyone, however many wrong passwords reach it.
    for (int i = 0; i < 12; i++) {
      assertThat(engine.getIdentityService().checkPassword(leader, "sai")).isFalse();
    }
    assertThat(engine.getIdentityService().checkPassword(leader, PASSWORD)).isTrue();
    // The stranger is still held back.
    assertThat(stranger.basic(leader, PASSWORD).send("GET", "/api/units", null).status()).isEqualTo(429);
  }

  @Test
  void shouldThrottleTheWebappsSignInPageAsHttpBasicAndLetTheLeaderInFromTheirOwnMachine() {
    String leader = "sdnghiloclead";
    user(leader, Groups.unitLeaders("NGHILOC"));
    WebappSession visitor = new WebappSession(port, null, null);
    RawHttp stranger = new RawHttp(port, "127.0.0.1").header("Cookie", visitor.cookieHeader())
        .header("X-XSRF-TOKEN", visitor.csrfToken());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(stranger.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "application/x-www-form-urlencoded", "username=" + leader + "&password=sai-" + i, Map.of()).status());
    }
    // Camunda refuses the first wrong passwords itself; then the gate answers 429 without asking it.
    assertThat(statuses.subList(0, 3)).doesNotContain(200, 429);
    assertThat(statuses).contains(429);
    // From another machine, the leader's own sign-in works at once, on the page and for a program.
    WebappSession own = new WebappSession(port, null, null);
    assertThat(new RawHttp(port, "127.0.0.2").header("Cookie", own.cookieHeader()).header("X-XSRF-TOKEN", own.csrfToken())
        .send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
            "username=" + leader + "&password=" + PASSWORD, Map.of()).status()).isEqualTo(200);
    assertThat(new RawHttp(port, "127.0.0.2").basic(leader, PASSWORD).send("GET", "/api/units", null).status())
        .isEqualTo(200);
  }

  private static Map<String, Object> json(String text) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
      return map;
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
