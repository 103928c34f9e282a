package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.WebappSession;

/**
 * The rest of the production lock-down, as a caller meets it: bodies capped before they are read,
 * queries bounded, a bad start a 400 with one WARN line, a session's groups read again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LockdownTest extends ApplicationTestBase {

  static final String CODE = "SK-LOCK";
  static final String REPORT = "/api/campaigns/" + CODE + "/units/VINH/report";

  @BeforeAll
  void campaign() {
    user("lkpv01", Groups.PV01);
    user("lkvinh", Groups.unitOfficers("VINH"));
    assertStatus(startCampaign("lkpv01", CODE, "VINH"), 200);
    issueGuidance(CODE);
  }

  @AfterEach
  void wallClock() {
    ClockUtil.reset();
  }

  /** Sends the request line and headers of a body, and as much of the body as {@code sent}; returns the status line. */
  String statusOfBody(String headers, byte[] sent) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(sent);
        out.flush();
      } catch (SocketException closedByTheServer) {
        // The server answered and closed before the body was sent: what a cap should do.
      }
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  String basic(String user) {
    return java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldAnswerA50MegabyteBodyWith413BeforeReadingIt() throws IOException {
    String declared = "PUT " + REPORT + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic("lkvinh")
        + "\r\nContent-Type: application/json\r\nContent-Length: " + (50L * 1024 * 1024) + "\r\n\r\n";
    assertThat(statusOfBody(declared, "{\"sections\":{\"LEADERSHIP\":\"".getBytes(StandardCharsets.UTF_8)))
        .startsWith("HTTP/1.1 413");

    // Without a declared length the body is counted as it arrives, and cut off at the cap: a chunked
    // request of 3 MB that is a whole, valid report (the JSON padded with white space), sent to the
    // report's own address while Vinh drafts it. Read to its end, it would save the section (with the
    // cap raised to 10 MB it was answered 200); capped, it is answered 413 and the report keeps no section.
    if (task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT) != null) {
      engine.getTaskService().complete(task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(),
          java.util.Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2099-06-20"));
    }
    byte[] padding = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    byte[] opening = "{\"sections\":{\"LEADERSHIP\":\"Nội dung gửi kèm 3 MB khoảng trắng\"}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] closing = "}".getBytes(StandardCharsets.US_ASCII);
    for (byte[] chunk : java.util.List.of(opening, padding, closing)) {
      int times = chunk == padding ? 48 : 1;
      for (int i = 0; i < times; i++) {
        body.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(chunk);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String chunked = "PUT " + REPORT + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic("lkvinh")
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertThat(statusOfBody(chunked, body.toByteArray())).startsWith("HTTP/1.1 413");
    assertThat(reportService.get(CODE, "VINH").section(vn.nghean.review.record.ReportSection.LEADERSHIP)).isNull();
  }

  @Test
  void shouldBoundEveryQueryOfAPerson() {
    ResponseEntity<String> unbounded = as("lkvinh").getForEntity("/engine-rest/task", String.class);
    assertStatus(unbounded, 400);
    assertThat(unbounded.getBody()).contains("unbound number of results");
    assertStatus(as("lkvinh").getForEntity("/engine-rest/task?firstResult=0&maxResults=2001", String.class), 400);
    assertStatus(as("lkvinh").getForEntity("/engine-rest/task?firstResult=0&maxResults=2000", String.class), 200);
  }

  @Test
  void shouldAnswerABadStartThroughStartWith400InVietnameseAndLogOneWarning(CapturedOutput output) {
    // A person starts through the start form only; /start is an administrator's, and judged as strictly.
    ResponseEntity<String> person = post("lkpv01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
        + "/start", variables(CampaignProcess.Var.CAMPAIGN_CODE, "SK-LOCK-2", CampaignProcess.Var.REPORT_DEADLINE,
        "15/07/2099"));
    assertStatus(person, 403);
    user("lkadmin", Groups.ADMIN);
    ResponseEntity<String> refused = post("lkadmin", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
        + "/start", variables(CampaignProcess.Var.CAMPAIGN_CODE, CODE, CampaignProcess.Var.REPORT_DEADLINE,
        "15/07/2099"));
    assertStatus(refused, 400);
    assertThat(read(refused).path("message").asText()).contains("mã đợt sơ kết " + CODE + " đã được sử dụng")
        .contains("chưa nhập «Tên đợt sơ kết»");
    ResponseEntity<String> form = post("lkpv01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
        + "/submit-form", variables(CampaignProcess.Var.CAMPAIGN_CODE, "SK-LOCK-2"));
    assertStatus(form, 400);

    assertThat(output.getOut()).contains("WARN").contains("Refused start of reviewCampaign")
        .doesNotContain("ENGINE-16004");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("SK-LOCK-2")
        .count()).isZero();
  }

  @Test
  void shouldTakeAUnitAwayFromASessionWhoseUserLeftItWithoutLoggingOut() {
    user("lkleaver", Groups.unitOfficers("VINH"));
    WebappSession session = new WebappSession(port, "lkleaver", PASSWORD);
    assertThat(session.send("GET", REPORT, null).statusCode()).isEqualTo(200);

    engine.getIdentityService().deleteMembership("lkleaver", Groups.unitOfficers("VINH"));
    // Within the webapps' five minutes the session's groups stand; after them they are read again.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 6 * 60_000));
    HttpResponse<String> after = session.send("GET", REPORT, null);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(403);
  }
}
