package vn.nghean.review.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.micrometer.core.instrument.MeterRegistry;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.ClassPathSearches;

/** Mail as users notice it: through a real SMTP server (GreenMail) in the test JVM. */
class NotificationMailTest extends ApplicationTestBase {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;
  @Autowired FlakyNotifier flakyNotifier;
  @Autowired MailDispatcher dispatcher;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  void write(String subject, String to) {
    transactions.executeWithoutResult(status -> notifications.send(
        new Message(NotificationKind.REMINDER, subject, "Nội dung: hạn gửi báo cáo sắp đến.", null, null, null),
        List.of(new Recipient(null, to))));
  }

  @Test
  void shouldMailTheUnitAndLetItsOfficerReadItWhenGuidanceIsIssued() throws Exception {
    user("mailpv01", "pv01");
    user("mailvinh", "unitVINH");
    assertStatus(startCampaign("mailpv01", "SK-MAIL-1", "VINH"), 200);
    String guidance = task("SK-MAIL-1", CampaignProcess.Element.ISSUE_GUIDANCE).getId();
    assertStatus(post("mailpv01", "/engine-rest/task/" + guidance + "/submit-form",
        variables(CampaignProcess.Var.GUIDANCE_NUMBER, "99/HD-CAT-PV01", CampaignProcess.Var.GUIDANCE_DATE,
            "2099-06-01")), 204);
    awaitUnitsStarted("SK-MAIL-1");

    await("the guidance mail", Duration.ofSeconds(20), () -> mailTo("canbo.vinh@nghean.example").size() >= 2);
    MimeMessage guidanceMail = mailTo("canbo.vinh@nghean.example").stream()
        .filter(m -> subject(m).startsWith("[Sơ kết] Hướng dẫn")).findFirst().orElseThrow();
    assertThat(subject(guidanceMail)).isEqualTo("[Sơ kết] Hướng dẫn 99/HD-CAT-PV01: Sơ kết thử nghiệm");
    assertThat(GreenMailUtil.getBody(guidanceMail)).isNotBlank();
    assertThat(guidanceMail.getContent().toString())
        .contains("Phòng PV01 Công an tỉnh đã ban hành hướng dẫn số 99/HD-CAT-PV01")
        .contains("trước 00:00 ngày 15/07/2099");
    assertThat(mailTo("lanhdao.vinh@nghean.example")).extracting(this::subject)
        .contains("[Sơ kết] Hướng dẫn 99/HD-CAT-PV01: Sơ kết thử nghiệm");
    assertThat(mailTo("canbo.vinh@nghean.example")).extracting(this::subject)
        .contains("[Sơ kết] Việc mới: Chọn hình thức sơ kết - UBND thành phố Vinh");

    JsonNode mine = read(as("mailvinh").getForEntity("/api/notifications", String.class));
    assertThat(names(mine, "kind")).startsWith("TASK_ASSIGNED").contains("GUIDANCE_ISSUED");
    assertThat(mine.get(0).get("link").asText()).contains("/camunda/app/tasklist/default/#/?task=");
    assertThat(names(read(as("mailpv01").getForEntity("/api/notifications", String.class)), "kind"))
        .doesNotContain("GUIDANCE_ISSUED");
  }

  @Test
  void shouldSendNothingForAStepThatRollsBack() {
    long before = outbox.count();
    transactions.executeWithoutResult(status -> {
      notifications.send(new Message(NotificationKind.ESCALATION, "Không được gửi", "?", null, null, null),
          List.of(new Recipient(null, "rollback@test.example")));
      status.setRollbackOnly();
    });

    assertThat(outbox.count()).isEqualTo(before);
    dispatcher.dispatch();
    assertThat(mailTo("rollback@test.example")).isEmpty();
  }

  @Test
  void shouldSendOnceWhenTheJobThatWroteTheNotificationIsRetriedAfterAFailure() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("flakyNotification").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Flaky").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT0.5S")
        .camundaDelegateExpression("${flakyNotifier}").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("flaky.bpmn", model).deploy();
    flakyNotifier.failuresLeft.set(1);

    String id = engine.getRuntimeService().startProcessInstanceByKey("flakyNotification",
        Map.of("to", "retried@test.example")).getId();

    await("the retried job to succeed", Duration.ofSeconds(30), () -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1);
    await("the mail", Duration.ofSeconds(20), () -> !mailTo("retried@test.example").isEmpty());
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(id).failureLog().count())
        .isEqualTo(1);
    // The failed attempt wrote a notification too, in the transaction that rolled back: one row is left,
    // and it was sent once. A second row, or a claim that was not recorded, would be mailed again within
    // a poll, or once the claim's lease (5 s here) ran out: both are waited out before counting the mail.
    List<Notification> rows = outbox.findAll().stream()
        .filter(n -> "retried@test.example".equals(n.getRecipientEmail())).toList();
    assertThat(rows).as("outbox rows").hasSize(1);
    await("the delivery recorded", Duration.ofSeconds(20),
        () -> outbox.findById(rows.get(0).getId()).orElseThrow().getState() == DeliveryState.SENT);
    assertThat(outbox.findById(rows.get(0).getId()).orElseThrow().getAttempts()).isEqualTo(1);
    sleep(Duration.ofSeconds(7));
    assertThat(mailTo("retried@test.example")).hasSize(1);
    assertThat(outbox.findById(rows.get(0).getId()).orElseThrow().getAttempts()).isEqualTo(1);
  }

  @Test
  void shouldSendARepeatWithTheSameMessageIdAfterANodeDiedBeforeRecordingItsMail() throws Exception {
    write("Thư gửi lại sau sự cố", "repeat@test.example");
    await("the first delivery", Duration.ofSeconds(20), () -> !mailTo("repeat@test.example").isEmpty());
    Notification sent = outbox.findAll().stream().filter(n -> "repeat@test.example".equals(n.getRecipientEmail()))
        .findFirst().orElseThrow();
    await("the delivery recorded", Duration.ofSeconds(20),
        () -> outbox.findById(sent.getId()).orElseThrow().getState() == DeliveryState.SENT);
    // What a node that died between the server's acceptance and its record leaves: the row claimed,
    // by a claim that nobody renews any more.
    assertThat(jdbc.update("update notification set state = 'SENDING', claimed_at = ?, claim_token = ? where id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), "dead-node-1", sent.getId())).isOne();

    await("the repeat, once the lease has run out", Duration.ofSeconds(30),
        () -> mailTo("repeat@test.example").size() == 2);
    List<String> ids = mailTo("repeat@test.example").stream().map(this::messageId).toList();
    assertThat(ids).as("the Message-ID of both copies").containsExactly(ids.get(0), ids.get(0));
    assertThat(ids.get(0)).isEqualTo("<so-ket." + sent.getId() + "." + sent.getCreatedAt().toEpochMilli()
        + "@congan.nghean.example>");
    // The server holds the copy before the dispatcher records it: wait for the record, as for the first.
    await("the repeat recorded", Duration.ofSeconds(20),
        () -> outbox.findById(sent.getId()).orElseThrow().getState() == DeliveryState.SENT);
    assertThat(outbox.findById(sent.getId()).orElseThrow().getAttempts()).isEqualTo(2);

    // Another notification to the same person is another message.
    write("Thư khác", "repeat@test.example");
    await("the other mail", Duration.ofSeconds(20), () -> mailTo("repeat@test.example").size() == 3);
    assertThat(mailTo("repeat@test.example").stream().map(this::messageId).distinct()).hasSize(2);
  }

  String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldKeepMailWhileTheServerIsDownAndDeliverItOnceItIsBack() {
    smtp.stop();
    write("Thư chờ máy chủ", "waiting@test.example");

    await("a failed attempt", Duration.ofSeconds(20), () -> outbox.findAll().stream()
        .anyMatch(n -> "waiting@test.example".equals(n.getRecipientEmail()) && n.getAttempts() >= 1));
    Notification waiting = outbox.findAll().stream()
        .filter(n -> "waiting@test.example".equals(n.getRecipientEmail())).findFirst().orElseThrow();
    assertThat(waiting.getState()).isEqualTo(DeliveryState.PENDING);
    assertThat(waiting.getLastError()).isNotBlank();

    smtp.start();
    await("the delivery", Duration.ofSeconds(20), () -> !mailTo("waiting@test.example").isEmpty());
    assertThat(mailTo("waiting@test.example")).hasSize(1).extracting(this::subject).containsExactly("Thư chờ máy chủ");
  }

  @Test
  void shouldShowOperatorsAFailureAfterTheLastAttempt() {
    smtp.stop();
    double failedBefore = meters.counter("review.notifications.failed").count();
    write("Thư không gửi được", "unreachable@test.example");

    await("the last attempt", Duration.ofSeconds(30), () -> outbox.findAll().stream()
        .anyMatch(n -> "unreachable@test.example".equals(n.getRecipientEmail())
            && n.getState() == DeliveryState.FAILED));
    assertThat(meters.counter("review.notifications.failed").count()).isGreaterThan(failedBefore);
    JsonNode failed = read(as("demo").getForEntity("/api/notifications/failed", String.class));
    assertThat(names(failed, "recipientEmail")).contains("unreachable@test.example");
    assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(3);
    user("mailofficer", "unitCUALO");
    assertStatus(as("mailofficer").getForEntity("/api/notifications/failed", String.class), 403);
  }

  /** The class path's resources that building and writing a message could search for. */
  static final java.util.function.Predicate<String> MAIL_RESOURCES = name -> name.startsWith("META-INF/services/")
      || name.endsWith("mime.types") || name.endsWith("mailcap");

  @Test
  void shouldBuildAndWriteAMessageWithoutSearchingTheClassPath() throws Exception {
    assertThat(System.getProperty(StreamProvider.class.getName()))
        .isEqualTo(org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
    Notification notification = new Notification(new Message(NotificationKind.REMINDER,
        "[Sơ kết] Nhắc hạn gửi báo cáo - UBND xã Diễn Châu", "Đồng chí vui lòng gửi báo cáo trước 00:00 ngày 15/07.",
        null, null, null), new Recipient(null, "canbo.dienchau@nghean.example"), Instant.now());

    ClassPathSearches.Work<byte[]> build = () -> {
      MimeMessage message = dispatcher.mime(notification);
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      assertThat(message.getSubject()).isEqualTo("[Sơ kết] Nhắc hạn gửi báo cáo - UBND xã Diễn Châu");
      return out.toByteArray();
    };
    // The first message with a class loader reads the loader's mailcap once (Jakarta Activation keeps
    // a command map per context class loader); what matters is the next messages.
    ClassPathSearches.Counted<byte[]> written = ClassPathSearches.count(MAIL_RESOURCES, build, build);

    assertThat(written.searches()).isZero();
    MimeMessage read = new MimeMessage(null, new java.io.ByteArrayInputStream(written.result()));
    assertThat(read.getSubject()).isEqualTo("[Sơ kết] Nhắc hạn gửi báo cáo - UBND xã Diễn Châu");
    assertThat(read.getContent().toString()).contains("Đồng chí vui lòng gửi báo cáo trước 00:00 ngày 15/07.");
    assertThat(read.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(read.getFrom()).extracting(Object::toString).containsExactly("so-ket@congan.nghean.example");
    assertThat(read.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("canbo.dienchau@nghean.example");
    assertThat(read.getMessageID()).startsWith("<so-ket.").endsWith("@congan.nghean.example>");
  }

  @Test
  void shouldSearchTheClassPathForEveryHeaderWithoutTheStreamProviderNamed() throws Exception {
    String property = StreamProvider.class.getName();
    String named = System.clearProperty(property);
    try {
      ClassPathSearches.Work<String> encode = () -> jakarta.mail.internet.MimeUtility.encodeText("Sơ kết");
      assertThat(ClassPathSearches.count(MAIL_RESOURCES, encode, encode).searches()).isPositive();
      assertThat(MailDispatcher.useAngusStreamProvider()).isTrue();
      assertThat(ClassPathSearches.count(MAIL_RESOURCES, encode, encode).searches()).isZero();
      System.setProperty(property, "org.example.OperatorsProvider");
      assertThat(MailDispatcher.useAngusStreamProvider()).isFalse();
      assertThat(System.getProperty(property)).isEqualTo("org.example.OperatorsProvider");
    } finally {
      System.setProperty(property, named);
    }
  }

  @Test
  void shouldTakeASenderWithAVietnameseNameAndRefuseAnythingButOneAddress() throws Exception {
    InternetAddress sender = MailDispatcher.sender("Công an tỉnh Nghệ An <so-ket@congan.nghean.example>");
    assertThat(sender.getAddress()).isEqualTo("so-ket@congan.nghean.example");
    assertThat(sender.getPersonal()).isEqualTo("Công an tỉnh Nghệ An");
    assertThat(sender.toString()).startsWith("=?UTF-8?");
    assertThatThrownBy(() -> MailDispatcher.sender("a@nghean.example, b@nghean.example"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REVIEW_MAIL_FROM")
        .hasMessageContaining("a@nghean.example, b@nghean.example");
    assertThatThrownBy(() -> MailDispatcher.sender("")).isInstanceOf(IllegalArgumentException.class);
  }

  String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
