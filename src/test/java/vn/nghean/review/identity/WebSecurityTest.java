package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.nghean.review.support.ApplicationTestBase;

/** The webapps' CSRF protection covers the application API too; no password or stack trace leaks. */
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTest extends ApplicationTestBase {

  static final String SECRET = "Secret-Pass-42xyz";

  /** Logs in to Tasklist as a browser does; returns the session cookie and the CSRF token. */
  String[] tasklistSession(String user) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String session = null;
    String token = null;
    for (String header : page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getName().equals("JSESSIONID")) {
          session = cookie.getValue();
        }
        if (cookie.getName().equals("XSRF-TOKEN")) {
          token = cookie.getValue();
        }
      }
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + token);
    headers.add("X-XSRF-TOKEN", token);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", PASSWORD);
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), String.class);
    assertStatus(login, 200);
    for (String header : login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getName().equals("JSESSIONID")) {
          session = cookie.getValue();
        }
      }
    }
    // The login gives a new session; its CSRF token comes with the next page, as in the browser.
    HttpHeaders next = new HttpHeaders();
    next.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    ResponseEntity<String> again = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
        new HttpEntity<>(next), String.class);
    for (String header : again.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getName().equals("XSRF-TOKEN")) {
          token = cookie.getValue();
        }
      }
    }
    if (again.getHeaders().getFirst("X-XSRF-TOKEN") != null) {
      token = again.getHeaders().getFirst("X-XSRF-TOKEN");
    }
    return new String[] {session, token};
  }

  @Test
  void shouldRefuseASessionWriteWithoutTheCsrfToken() {
    user("csrfvinh", "unitVINH");
    String[] session = tasklistSession("csrfvinh");
    HttpHeaders withoutToken = new HttpHeaders();
    withoutToken.setContentType(MediaType.APPLICATION_JSON);
    withoutToken.add(HttpHeaders.COOKIE, "JSESSIONID=" + session[0]);
    String report = "/api/campaigns/SK-NONE/units/VINH/report";

    assertStatus(rest.exchange("/api/units", HttpMethod.GET, new HttpEntity<>(withoutToken), String.class), 200);
    ResponseEntity<String> refused = rest.exchange(report, HttpMethod.PUT, new HttpEntity<>(Map.of(), withoutToken),
        String.class);
    assertStatus(refused, 403);
    assertThat(refused.getBody()).contains("CSRF");

    HttpHeaders withToken = new HttpHeaders();
    withToken.putAll(withoutToken);
    withToken.add("X-XSRF-TOKEN", session[1]);
    // Past the CSRF check, the request meets the report's own rule (no drafting task open here).
    ResponseEntity<String> past = rest.exchange(report, HttpMethod.PUT, new HttpEntity<>(Map.of(), withToken),
        String.class);
    assertThat(past.getBody()).doesNotContain("CSRF").contains("Chỉ cán bộ của đơn vị VINH");
    assertStatus(rest.exchange("/camunda/api/engine/engine/default/task/none/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "csrfvinh"), withoutToken), String.class), 403);
  }

  @Test
  void shouldNeverLogAPasswordNorAnswerWithAStackTrace(CapturedOutput output) {
    user("leakcheck", "unitCUALO");
    assertStatus(rest.withBasicAuth("leakcheck", SECRET).getForEntity("/api/units", String.class), 401);
    assertStatus(rest.withBasicAuth("leakcheck", SECRET).getForEntity("/engine-rest/task", String.class), 401);
    ResponseEntity<String> bad = as("leakcheck").exchange("/api/campaigns/X/units/CUALO/report", HttpMethod.PUT,
        new HttpEntity<>("{not json", jsonHeaders()), String.class);
    ResponseEntity<String> missing = as("leakcheck").getForEntity("/api/campaigns/X/units/CUALO/report", String.class);

    assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(PASSWORD + "\"");
    for (ResponseEntity<String> response : List.of(bad, missing)) {
      assertThat(response.getStatusCode().is4xxClientError()).isTrue();
      assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }
  }

  static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
