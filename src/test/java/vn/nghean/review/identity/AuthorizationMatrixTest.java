package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * Every group against every endpoint of the application API and the REST resources the app
 * exposes: each cell is the status, or for filtered Camunda lists the number of rows, it must get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ApplicationTestBase {

  static final String CODE = "SK-MATRIX";
  static final String REPORT = "/api/campaigns/" + CODE + "/units/VINH/report";
  /** Users, one per group, in the column order of {@link #ROWS}; "anonymous" sends no credentials. */
  static final List<String> USERS = List.of("mxpv01", "mxpv01lead", "mxbcd", "mxmanager", "mxvinh", "mxvinhlead",
      "mxcualo", "mxadmin", "anonymous");

  record Row(HttpMethod method, String path, Object body, List<Object> expected) {}

  /** A body sent as {@code text/csv}. */
  record Csv(String text) {}

  /** A body sent as a multipart upload of one file named {@code file}. */
  record Upload(String name, String content) {}

  /**
   * Integer: HTTP status. String "n rows": a 200 whose JSON array has n elements ("n+ rows": at least
   * n). A unit may not even see the campaign's definition, so starting one is 404 for it, not 403.
   */
  static final List<Row> ROWS = List.of(
      row(HttpMethod.GET, "/api/units", null, 200, 200, 200, 200, 200, 200, 200, 200, 401),
      row(HttpMethod.GET, REPORT, null, 200, 200, 200, 200, 200, 200, 403, 200, 401),
      row(HttpMethod.PUT, REPORT, fullReport("ma trận"), 403, 403, 403, 403, 200, 403, 403, 403, 401),
      row(HttpMethod.GET, REPORT + "/attachment", null, 404, 404, 404, 404, 404, 404, 403, 404, 401),
      row(HttpMethod.GET, "/api/campaigns/" + CODE + "/provincial-report", null, 404, 404, 404, 404, 403, 403, 403,
          404, 401),
      row(HttpMethod.POST, "/api/campaigns/" + CODE + "/units/VINH/explanation-request", Map.of("note", "?"),
          400, 403, 403, 403, 403, 403, 403, 403, 401),
      row(HttpMethod.GET, "/api/notifications", null, 200, 200, 200, 200, 200, 200, 200, 200, 401),
      row(HttpMethod.GET, "/api/campaigns/" + CODE + "/progress", null, 200, 200, 200, 200, 403, 403, 403, 200, 401),
      row(HttpMethod.GET, "/api/notifications/failed", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      // Operations are an administrator's (the gate): metrics, backups, the registry's editions.
      row(HttpMethod.GET, "/actuator/prometheus", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      row(HttpMethod.GET, "/actuator/info", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      row(HttpMethod.GET, "/actuator/health", null, 200, 200, 200, 200, 200, 200, 200, 200, 200),
      row(HttpMethod.GET, "/api/registry", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      row(HttpMethod.GET, "/api/registry/editions", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      // A file that is not a registry: the administrator is told why (400), nobody else gets that far.
      row(HttpMethod.POST, "/api/registry/editions?check=true", new Csv("không phải danh mục"), 403, 403, 403, 403,
          403, 403, 403, 400, 401),
      // The signed report's upload: Vinh's officer while drafting; Cửa Lò and the province may not.
      row(HttpMethod.POST, REPORT + "/attachment", new Upload("bao-cao.pdf", "%PDF-1.4 ma trận"), 403, 403, 403,
          403, 200, 403, 403, 403, 401),
      // The provincial report is PV01's to write, and only while compiling it: not yet here.
      row(HttpMethod.PUT, "/api/campaigns/" + CODE + "/provincial-report",
          Map.of("conclusions", "Kết luận", "commendations", "Khen thưởng"), 403, 403, 403, 403, 403, 403, 403, 403, 401),
      // The accounts made from the registry are an administrator's; an edition other than the one in use is
      // refused (409) before anything is made, an account that does not exist is 404.
      row(HttpMethod.GET, "/api/accounts", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      row(HttpMethod.POST, "/api/accounts?edition=0", null, 403, 403, 403, 403, 403, 403, 403, 409, 401),
      row(HttpMethod.POST, "/api/accounts/khongco@matrix.example/invitation", null, 403, 403, 403, 403, 403, 403, 403,
          404, 401),
      // An invitation link's page calls these without signing in: a token that is no link is told so, to anyone.
      row(HttpMethod.POST, "/api/invitations/check", Map.of("token", "khong-phai-duong-dan"), 200, 200, 200, 200, 200,
          200, 200, 200, 200),
      row(HttpMethod.POST, "/api/invitations/password", Map.of("token", "khong-phai-duong-dan", "password", "x",
          "repeat", "x"), 410, 410, 410, 410, 410, 410, 410, 410, 410),
      // Backups are an administrator's; the test database is in memory (or PostgreSQL): nothing to back up, 409.
      row(HttpMethod.GET, "/api/backups", null, 403, 403, 403, 403, 403, 403, 403, 200, 401),
      row(HttpMethod.POST, "/api/backups", null, 403, 403, 403, 403, 403, 403, 403, 409, 401),
      row(HttpMethod.GET, "/engine-rest/process-instance?maxResults=100&businessKeyLike=" + CODE + "%", null,
          "3 rows", "3 rows", "3 rows", "3 rows", "1 rows", "1 rows", "1 rows", "3 rows", 401),
      row(HttpMethod.GET, "/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKeyLike=" + CODE + "%", null,
          "3 rows", "3 rows", "3 rows", "3 rows", "1 rows", "1 rows", "1 rows", "3 rows", 401),
      row(HttpMethod.GET, "/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike=" + CODE + "%", null,
          "2 rows", "2 rows", "2 rows", "2 rows", "1 rows", "0 rows", "1 rows", "2 rows", 401),
      row(HttpMethod.GET, "/engine-rest/deployment?maxResults=100", null,
          "1+ rows", "1+ rows", "1+ rows", "1+ rows", "0 rows", "0 rows", "0 rows", "1+ rows", 401),
      row(HttpMethod.POST, "/engine-rest/process-definition/key/reviewCampaign/submit-form",
          variables(UnitReviewProcess.Var.CAMPAIGN_CODE, CODE), 400, 403, 403, 403, 404, 404, 404, 400, 401),
      // Each user reads their own profile; only administrators list the others.
      row(HttpMethod.GET, "/engine-rest/user?maxResults=100", null, "1 rows", "1 rows", "1 rows", "1 rows", "1 rows", "1 rows",
          "1 rows", "2+ rows", 401));

  @Autowired ReportService reports;

  static Row row(HttpMethod method, String path, Object body, Object... expected) {
    return new Row(method, path, body, List.of(expected));
  }

  @BeforeAll
  void campaign() {
    user("mxpv01", "pv01");
    user("mxpv01lead", "pv01lead");
    user("mxbcd", "bcd");
    user("mxmanager", "managers");
    user("mxvinh", "unitVINH");
    user("mxvinhlead", "unitVINHlead");
    user("mxcualo", "unitCUALO");
    user("mxadmin", "camunda-admin");
    assertStatus(startCampaign("mxpv01", CODE, "VINH, CUALO"), 200);
    issueGuidance(CODE);
    engine.getTaskService().complete(task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(),
        Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
  }

  @Test
  void shouldGiveEachGroupExactlyItsRights() {
    List<String> wrong = new ArrayList<>();
    for (Row row : ROWS) {
      for (int i = 0; i < USERS.size(); i++) {
        String user = USERS.get(i);
        Object expected = row.expected().get(i);
        ResponseEntity<String> response = call(user, row);
        String actual = describe(response, expected);
        if (!actual.equals(String.valueOf(expected))) {
          wrong.add(user + " " + row.method() + " " + row.path() + ": expected " + expected + ", got " + actual
              + " " + response.getBody());
        }
      }
    }
    assertThat(wrong).as("cells that differ").isEmpty();
  }

  ResponseEntity<String> call(String user, Row row) {
    TestRestTemplate client = user.equals("anonymous") ? rest : as(user);
    HttpHeaders headers = new HttpHeaders();
    Object body = row.body();
    if (body instanceof Csv csv) {
      headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
      body = csv.text();
    } else if (body instanceof Upload upload) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
      parts.add("file", new org.springframework.core.io.ByteArrayResource(
          upload.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return upload.name();
        }
      });
      body = parts;
    } else {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return client.exchange(row.path(), row.method(), new HttpEntity<>(body, headers), String.class);
  }

  String describe(ResponseEntity<String> response, Object expected) {
    if (expected instanceof String rows && response.getStatusCode().value() == 200) {
      int count = read(response).size();
      if (rows.endsWith("+ rows")) {
        return count >= Integer.parseInt(rows.substring(0, rows.indexOf('+'))) ? rows : count + " rows";
      }
      return count + " rows";
    }
    return String.valueOf(response.getStatusCode().value());
  }
}
