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

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.Jobs;

/**
 * In the running application, each mail of the ladder reaches the people the design names, by
 * address: the overdue mail the unit's leader and PV01, the escalations the Steering Committee and
 * PV01's head, the late evaluation PV01's head, the conference reminder PV01, the invitations every
 * unit (officers and leader), the Steering Committee and PV01's head.
 */
class DeadlineMailTest extends ApplicationTestBase {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  static final String CODE = "SK-DEADLINE";
  static final String CONFERENCE = "SK-DEADLINE-HN";
  static final String PV01 = "pv01.hanchot@test.example";
  static final String PV01_HEAD = "truongphong.hanchot@test.example";
  static final String BCD = "bcd.hanchot@test.example";

  /** The people of the province, each with an address of their own, so that mails to them are told apart. */
  void provincePeople() {
    userWithMail("dlpv01", "pv01", PV01);
    userWithMail("dlpv01head", "pv01lead", PV01_HEAD);
    userWithMail("dlbcd", "bcd", BCD);
  }

  void userWithMail(String id, String group, String email) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
      user.setPassword(PASSWORD);
      user.setFirstName(id);
      user.setLastName("test");
      user.setEmail(email);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, group);
    }
  }

  /** Who received the mails with this subject (and, if given, this text in the body). */
  List<String> recipientsOf(String subject, String containing) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals(subject)
        && (containing == null || text(m).contains(containing))).map(DeadlineMailTest::to).sorted().toList();
  }

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
    provincePeople();
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
      engine.getTaskService().complete(task(CODE, CampaignProcess.Element.ISSUE_GUIDANCE).getId(),
          Map.of("guidanceNumber", "7/HD", "guidanceDate", "2024-06-01"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    awaitUnitsStarted(CODE);
    // Cửa Lò submits before the deadline: its evaluation is then awaited by PV01.
    submitReport(CODE, "CUALO");
    await("Cửa Lò's report to reach PV01", Duration.ofSeconds(20), () -> task(CODE + "/CUALO",
        UnitReviewProcess.Element.EVALUATE_REPORT) != null);
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
    String overdue = "[Sơ kết] QUÁ HẠN: UBND thành phố Vinh chưa gửi báo cáo";
    await("the overdue mail to PV01", Duration.ofSeconds(30), () -> recipientsOf(overdue, due).contains("[" + PV01 + "]"));
    assertThat(recipientsOf(overdue, due)).as("the overdue mail's recipients")
        .contains("[lanhdao.vinh@nghean.example]", "[" + PV01 + "]")
        .doesNotContain("[canbo.vinh@nghean.example]", "[" + BCD + "]", "[" + PV01_HEAD + "]");

    JsonNode record = read(as("dlvinh").getForEntity(report, String.class));
    assertThat(record.get("overdue").asBoolean()).isTrue();
    assertThat(names(record.get("deadlineEvents"), "kind")).contains("REMINDER", "OVERDUE");
    assertThat(record.get("deadlineEvents")).filteredOn(e -> e.get("kind").asText().equals("REMINDER"))
        .allMatch(e -> e.get("skipped").asBoolean());
    String unitInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(CODE + "/VINH").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(unitInstance, "overdue")).isEqualTo(true);
    assertThat((String) engine.getRuntimeService().getVariable(unitInstance, "lastDeadlineEvent"))
        .startsWith("Quá hạn gửi báo cáo (đôn đốc cấp 1) - ");

    assertStatus(post("dlvinh", report.replace("/report", "/explanation-request"), Map.of("note", "?")), 403);
    assertStatus(post("dlpv01", report.replace("/report", "/explanation-request"),
        Map.of("note", "Đề nghị giải trình lý do chậm")), 202);
    String explanation = task(CODE + "/VINH", UnitReviewProcess.Element.PROVIDE_EXPLANATION).getId();
    await("the explanation task mail", Duration.ofSeconds(20), () -> mailsTo("lanhdao.vinh@nghean.example").stream()
        .anyMatch(m -> subject(m).equals("[Sơ kết] Việc mới: Giải trình việc chậm gửi báo cáo - UBND thành phố Vinh")
            && text(m).contains(explanation)));

    // Vinh's escalation (level 2, every 3 days after the deadline) goes to the Steering Committee and
    // PV01's head; Cửa Lò's evaluation, late after 5 days, is PV01's head's to hear of. Their timers are
    // run now rather than the clock moved days on: the engine's clock is the JVM's, and other contexts'
    // campaigns (the demo's) would see their own timers fall due.
    String vinhInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(CODE + "/VINH").singleResult().getId();
    String cualoInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(CODE + "/CUALO").singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(vinhInstance).activityId(UnitReviewProcess.Element.ESCALATION).singleResult().getId());
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(cualoInstance).activityId(UnitReviewProcess.Element.EVALUATION_OVERDUE).singleResult().getId());
    String escalation = "[Sơ kết] Đôn đốc lần 1: UBND thành phố Vinh chưa gửi báo cáo";
    await("the escalation", Duration.ofSeconds(30), () -> recipientsOf(escalation, due).size() >= 2);
    assertThat(recipientsOf(escalation, due)).as("the escalation's recipients")
        .contains("[" + BCD + "]", "[" + PV01_HEAD + "]")
        .doesNotContain("[lanhdao.vinh@nghean.example]", "[canbo.vinh@nghean.example]", "[" + PV01 + "]");
    String lateEvaluation = "[Sơ kết] Báo cáo của UBND thị xã Cửa Lò chưa được thẩm định";
    await("the late evaluation's reminder", Duration.ofSeconds(30), () -> !recipientsOf(lateEvaluation, null).isEmpty());
    assertThat(recipientsOf(lateEvaluation, null)).as("the late evaluation's recipients")
        .contains("[" + PV01_HEAD + "]").doesNotContain("[" + BCD + "]", "[lanhdao.cualo@nghean.example]");
  }

  @Test
  void shouldRemindPv01OfTheConferenceAndInviteEveryUnit() {
    provincePeople();
    engine.getIdentityService().setAuthentication("dlpv01", List.of("pv01"));
    Date deadline = VietnamTime.plusDays(VietnamTime.now(), 30);
    try {
      engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId(), Map.of("campaignCode", CONFERENCE,
          "campaignTitle", "Sơ kết thử hội nghị", "reviewPeriod", "2023–2024", "reportDeadline", deadline,
          "conferenceDeadline", new Date(deadline.getTime() + 60L * 86_400_000), "participatingUnits", "VINH,SOYTE"));
      engine.getTaskService().complete(task(CONFERENCE, CampaignProcess.Element.ISSUE_GUIDANCE).getId(),
          Map.of("guidanceNumber", "8/HD", "guidanceDate", "2024-06-01"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    awaitUnitsStarted(CONFERENCE);
    for (String unit : List.of("VINH", "SOYTE")) {
      submitReport(CONFERENCE, unit);
      await(unit + "'s report to reach PV01", Duration.ofSeconds(20),
          () -> task(CONFERENCE + "/" + unit, UnitReviewProcess.Element.EVALUATE_REPORT) != null);
      engine.getTaskService().complete(task(CONFERENCE + "/" + unit, UnitReviewProcess.Element.EVALUATE_REPORT).getId(),
          Map.of("evaluationDecision", UnitReviewProcess.ACCEPT, "rating", "GOOD"));
    }
    await("the provincial report to compile", Duration.ofSeconds(30), () -> task(CONFERENCE,
        CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT) != null);
    assertStatus(put("dlpv01", "/api/campaigns/" + CONFERENCE + "/provincial-report", Map.of(
        "conclusions", "Các đơn vị đã sơ kết.", "commendations", "")), 200);
    engine.getTaskService().complete(task(CONFERENCE, CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT).getId());
    engine.getIdentityService().setAuthentication("dlpv01head", List.of("pv01lead"));
    try {
      engine.getTaskService().complete(task(CONFERENCE, CampaignProcess.Element.APPROVE_PROVINCIAL_REPORT).getId(),
          Map.of("provincialDecision", CampaignProcess.APPROVE));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // The conference's reminder, due a week before its deadline: PV01's.
    String campaign = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CONFERENCE)
        .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
    org.camunda.bpm.engine.runtime.Job reminder = engine.getManagementService().createJobQuery()
        .processInstanceId(campaign).activityId(CampaignProcess.Element.CONFERENCE_REMINDER).singleResult();
    assertThat(reminder).as("the conference's reminder, waiting").isNotNull();
    // Run now, not by moving the JVM's clock weeks on (which other contexts' campaigns would see).
    engine.getManagementService().executeJob(reminder.getId());
    String remind = "[Sơ kết] Nhắc tổ chức hội nghị sơ kết cấp tỉnh";
    String about = "Sơ kết thử hội nghị";
    await("the conference's reminder", Duration.ofSeconds(30), () -> !recipientsOf(remind, about).isEmpty());
    assertThat(recipientsOf(remind, about)).as("the conference reminder's recipients").contains("[" + PV01 + "]")
        .doesNotContain("[" + BCD + "]", "[canbo.vinh@nghean.example]");

    // PV01 prepares the conference: every unit, the Steering Committee and PV01's head are invited.
    engine.getTaskService().complete(task(CONFERENCE, CampaignProcess.Element.PREPARE_CONFERENCE).getId(), Map.of(
        "conferenceDate", new Date(deadline.getTime() + 50L * 86_400_000), "conferenceVenue", "Hội trường B",
        "conferenceAgenda", "Báo cáo sơ kết thử hội nghị", "conferenceInvitees", "Các đơn vị"));
    String invitation = "[Sơ kết] Giấy mời hội nghị sơ kết cấp tỉnh";
    List<String> invited = List.of("[canbo.vinh@nghean.example]", "[lanhdao.vinh@nghean.example]",
        "[canbo.soyte@nghean.example]", "[lanhdao.soyte@nghean.example]", "[" + BCD + "]", "[" + PV01_HEAD + "]");
    await("the invitations", Duration.ofSeconds(30),
        () -> recipientsOf(invitation, "Hội trường B").containsAll(invited));
    assertThat(recipientsOf(invitation, "Hội trường B")).as("the invitations' recipients, once each")
        .containsExactlyInAnyOrderElementsOf(invited);
  }
}
