package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.WebappSession;

/** The webapps' CSRF protection covers the application API too; no password or stack trace leaks. */
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTest extends ApplicationTestBase {

  static final String SECRET = "Secret-Pass-42xyz";

  @Test
  void shouldRefuseASessionWriteWithoutTheCsrfToken() {
    user("csrfvinh", "unitVINH");
    WebappSession session = new WebappSession(port, "csrfvinh", PASSWORD);
    String report = "/api/campaigns/SK-NONE/units/VINH/report";

    assertThat(session.sendWithoutCsrfToken("GET", "/api/units", null).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = session.sendWithoutCsrfToken("PUT", report, "{}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("CSRF");
    // Past the CSRF check, the request meets the report's own rule (no drafting task open here).
    HttpResponse<String> past = session.send("PUT", report, "{}");
    assertThat(past.body()).doesNotContain("CSRF").contains("Chỉ cán bộ của đơn vị VINH");
    assertThat(session.sendWithoutCsrfToken("POST", "/camunda/api/engine/engine/default/task/none/claim",
        "{\"userId\":\"csrfvinh\"}").statusCode()).isEqualTo(403);
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
