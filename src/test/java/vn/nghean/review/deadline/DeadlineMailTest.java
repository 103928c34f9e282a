package vn.nghean.review.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.Jobs;

/** In the running application: a deadline passes, the unit is overdue, its leader and PV01 get the mail. */
class DeadlineMailTest extends ApplicationTestBase {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  static final String CODE = "SK-DEADLINE";

  List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(address)).toList();
  }

  /** The decoded text of the mail (its body is encoded on the wire: Vietnamese is not ASCII). */
  static String text(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String to(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void wallClock() {
    Jobs.resetClock();
  }

  @Test
  void shouldMarkTheUnitOverdueAndMailItsLeaderAndPv01WhenTheDeadlinePasses() {
    user("dlpv01", "pv01");
    user("dlvinh", "unitVINH");
    user("dlcualo", "unitCUALO");
    engine.getIdentityService().setAuthentication("dlpv01", List.of("pv01"));
    // Due tomorrow: both reminders (7 and 2 days before) are already past, so they are skipped; the
    // deadline passes when the test moves the engine's clock there.
    Date deadline = VietnamTime.plusDays(VietnamTime.now(), 1);
    try {
      engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId(), Map.of("campaignCode", CODE,
          "campaignTitle", "Sơ kết thử hạn", "reviewPeriod", "2023–2024", "reportDeadline", deadline,
          "conferenceDeadline", new Date(deadline.getTime() + 40L * 86_400_000), "participatingUnits", "VINH,CUALO"));
      engine.getTaskService().complete(task(CODE, "IssueGuidance").getId(),
          Map.of("guidanceNumber", "7/HD", "guidanceDate", "2024-06-01"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    awaitUnitsStarted(CODE);
    String report = "/api/campaigns/" + CODE + "/units/VINH/report";
    assertStatus(post("dlpv01", report.replace("/report", "/explanation-request"), Map.of("note", "?")), 400);
    Jobs.clockAt(new Date(deadline.getTime() + 60_000));

    // This campaign's overdue mail (the outbox may also deliver other tests' mail to the same leader
    // now that the server runs): the one that names this deadline.
    String due = VietnamTime.formatDayTime(deadline);
    await("the overdue mail to the unit's leader", Duration.ofSeconds(30), () -> mailsTo("lanhdao.vinh@nghean.example")
        .stream().anyMatch(m -> subject(m).equals("[Sơ kết] QUÁ HẠN: UBND thành phố Vinh chưa gửi báo cáo")
            && text(m).contains(due)));
    assertThat(mailsTo("canbo.vinh@nghean.example")).as("reminders of this deadline")
        .noneMatch(m -> subject(m).startsWith("[Sơ kết] Nhắc hạn") && text(m).contains(due));

    JsonNode record = read(as("dlvinh").getForEntity(report, String.class));
    assertThat(record.get("overdue").asBoolean()).isTrue();
    assertThat(names(record.get("deadlineEvents"), "kind")).contains("REMINDER", "OVERDUE");
    assertThat(record.get("deadlineEvents")).filteredOn(e -> e.get("kind").asText().equals("REMINDER"))
        .allMatch(e -> e.get("skipped").asBoolean());
    String unitInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(CODE + "/VINH").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(unitInstance, "overdue")).isEqualTo(true);
    assertThat((String) engine.getRuntimeService().getVariable(unitInstance, "lastDeadlineEvent"))
        .startsWith("Quá hạn gửi báo cáo");

    assertStatus(post("dlvinh", report.replace("/report", "/explanation-request"), Map.of("note", "?")), 403);
    assertStatus(post("dlpv01", report.replace("/report", "/explanation-request"),
        Map.of("note", "Đề nghị giải trình lý do chậm")), 202);
    String explanation = task(CODE + "/VINH", "ProvideExplanation").getId();
    await("the explanation task mail", Duration.ofSeconds(20), () -> mailsTo("lanhdao.vinh@nghean.example").stream()
        .anyMatch(m -> subject(m).equals("[Sơ kết] Việc mới: Giải trình việc chậm gửi báo cáo - UBND thành phố Vinh")
            && text(m).contains(explanation)));
  }
}
