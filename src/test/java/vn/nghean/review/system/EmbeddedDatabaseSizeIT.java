package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.nghean.review.ReviewApplication;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ProvincialReportService;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.AppNode;
import vn.nghean.review.support.Eventually;

/**
 * The embedded H2 file, with the application's own options (application.yaml, {@code review.h2}),
 * over two whole campaigns with a restart before each and an idle restart after: the application
 * starts on the file, the demo campaign is driven to its close by every unit and by PV01, and the
 * application stops gracefully. After each stop the file is measured against its live data (a
 * copy of it compacted completely by H2's {@code SHUTDOWN COMPACT}): it stays close to what it
 * holds, and grows by what the second campaign adds, not by what its commits wrote.
 */
class EmbeddedDatabaseSizeIT {

  static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseSizeIT.class);
  static final Path DATA = Path.of("target", "h2-size-test");
  static final Path FILE = DATA.resolve("so-ket.mv.db");
  static final long MIB = 1024 * 1024;

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3029, "127.0.0.1", "smtp"));

  record Size(long file, long live) {
    @Override
    public String toString() {
      return String.format("file %.1f MiB, live data %.1f MiB", file / (double) MIB, live / (double) MIB);
    }
  }

  @Test
  void shouldStayCloseToItsLiveDataOverTwoCampaignsAndRestarts() throws Exception {
    AppNode.deleteTree(DATA);
    Size first = run("SK-A");
    Size second = run("SK-B");
    Size idle = run(null);
    LOG.info("H2 file after the first campaign: {}; after the second: {}; after an idle restart: {}", first, second,
        idle);

    for (Size size : List.of(first, second, idle)) {
      // The file holds its live data and little more: a few chunks of the last commits.
      assertThat(size.file()).as("the file against its live data: %s", size).isLessThanOrEqualTo(
          size.live() + size.live() / 10 + MIB);
    }
    assertThat(second.live()).as("the second campaign's data").isGreaterThan(first.live());
    assertThat(second.file() - first.file()).as("what the second campaign added to the file")
        .isLessThanOrEqualTo(second.live() - first.live() + MIB);
    assertThat(idle.file()).as("a restart with no work adds nothing").isLessThanOrEqualTo(second.file() + MIB);
  }

  /**
   * Starts the application on the file, drives the demo campaign {@code demoCampaign} to its close
   * (none when null), stops it, and measures the file.
   */
  Size run(String demoCampaign) throws Exception {
    Map<String, Object> properties = new HashMap<>(Map.of(
        "review.h2.file", "./" + DATA.resolve("so-ket"),
        "server.port", "0",
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", "3029",
        "review.backup.directory", "./" + DATA.resolve("backups"),
        "review.demo.enabled", String.valueOf(demoCampaign != null),
        "review.demo.campaign-code", demoCampaign == null ? "none" : demoCampaign));
    // As command-line arguments, which application.yaml does not override (builder properties it does).
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReviewApplication.class)
        .run(arguments)) {
      if (demoCampaign != null) {
        new CampaignDriver(context, demoCampaign).driveToClose();
      }
    }
    return measure();
  }

  /** The file's size, and the size of a copy that H2 compacted completely: its live data. */
  static Size measure() throws Exception {
    long file = Files.size(FILE);
    Path copy = DATA.resolve("compacted");
    AppNode.deleteTree(copy);
    Files.createDirectories(copy);
    Files.copy(FILE, copy.resolve("so-ket.mv.db"));
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:./" + copy.resolve("so-ket"), "sa", "");
        Statement sql = db.createStatement()) {
      sql.execute("SHUTDOWN COMPACT");
    }
    return new Size(file, Files.size(copy.resolve("so-ket.mv.db")));
  }

  /** Every unit and PV01, through the engine's API as the forms complete their tasks. */
  static final class CampaignDriver {
    final ProcessEngine engine;
    final ReportService reports;
    final ProvincialReportService provincialReports;
    final String code;

    CampaignDriver(ConfigurableApplicationContext context, String code) {
      this.engine = context.getBean(ProcessEngine.class);
      this.reports = context.getBean(ReportService.class);
      this.provincialReports = context.getBean(ProvincialReportService.class);
      this.code = code;
    }

    void driveToClose() {
      Eventually.until("every unit of " + code + " to end", Duration.ofMinutes(5), Duration.ofMillis(50), () -> {
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(code + "/%")
            .list()) {
          completeUnitTask(task);
        }
        return engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(UnitReviewProcess.KEY).processInstanceBusinessKeyLike(code + "/%").count() == 0;
      });
      complete(CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT, () -> provincialReports.write(code,
          "Các đơn vị hoàn thành sơ kết; phong trào xây dựng đơn vị điển hình được duy trì.", null, "pv01officer"),
          Map.of());
      complete(CampaignProcess.Element.APPROVE_PROVINCIAL_REPORT, () -> {}, Map.of(
          CampaignProcess.Var.PROVINCIAL_DECISION, CampaignProcess.APPROVE));
      String conference = ZonedDateTime.now(VietnamTime.ZONE).plusDays(20).withHour(8).withMinute(0)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx"));
      complete(CampaignProcess.Element.PREPARE_CONFERENCE, () -> {}, Map.of(
          CampaignProcess.Var.CONFERENCE_DATE, conference,
          CampaignProcess.Var.CONFERENCE_VENUE, "Hội trường Công an tỉnh",
          CampaignProcess.Var.CONFERENCE_AGENDA, "Báo cáo sơ kết; tham luận; khen thưởng",
          CampaignProcess.Var.CONFERENCE_INVITEES, "Lãnh đạo UBND tỉnh; thành viên Ban Chỉ đạo tỉnh"));
      complete(CampaignProcess.Element.RECORD_CONFERENCE_RESULTS, () -> {}, Map.of(
          CampaignProcess.Var.ATTENDANCE, 150L,
          CampaignProcess.Var.CONFERENCE_CONCLUSIONS, "Hội nghị thống nhất các nhiệm vụ giai đoạn tới."));
      Eventually.until("campaign " + code + " to close", Duration.ofMinutes(1), Duration.ofMillis(100),
          () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).count() == 0
              && engine.getManagementService().createJobQuery().executable().count() == 0);
    }

    void completeUnitTask(Task task) {
      String unit = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey().substring(code.length() + 1);
      Map<String, Object> variables = new HashMap<>();
      switch (task.getTaskDefinitionKey()) {
        case UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT -> {
          variables.put(UnitReviewProcess.Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN);
          variables.put(UnitReviewProcess.Var.PLANNED_DATE, new Date());
        }
        case UnitReviewProcess.Element.HOLD_UNIT_CONFERENCE -> {
          variables.put("conferenceHeldOn", LocalDate.now(VietnamTime.ZONE).toString());
          variables.put("conferenceChair", "Chủ tịch UBND");
          variables.put("participantCount", 60L);
          variables.put("minutesReference", "01/BB-UBND");
        }
        case UnitReviewProcess.Element.DRAFT_REPORT -> reports.saveDraft(code, unit, report(unit),
            unit.toLowerCase() + "officer");
        case UnitReviewProcess.Element.APPROVE_UNIT_REPORT ->
            variables.put(UnitReviewProcess.Var.LEADER_DECISION, UnitReviewProcess.APPROVE);
        case UnitReviewProcess.Element.EVALUATE_REPORT -> {
          variables.put(UnitReviewProcess.Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT);
          variables.put(UnitReviewProcess.Var.RATING, "GOOD");
          variables.put(UnitReviewProcess.Var.SELECTED_PRACTICES, "Mô hình tự quản của " + unit);
        }
        default -> throw new IllegalStateException("Not expected here: " + task.getTaskDefinitionKey());
      }
      engine.getTaskService().complete(task.getId(), variables);
    }

    void complete(String taskKey, Runnable before, Map<String, Object> variables) {
      Task task = Eventually.value(taskKey + " of " + code, Duration.ofMinutes(1), () -> engine.getTaskService()
          .createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult(),
          found -> found != null);
      before.run();
      engine.getFormService().submitTaskForm(task.getId(), variables);
    }

    static ReportDraft report(String unit) {
      Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
      for (ReportSection section : ReportSection.values()) {
        sections.put(section, section.title() + " của đơn vị " + unit + ": " + "nội dung báo cáo. ".repeat(60));
      }
      return new ReportDraft(sections, 12, 9, 11, "Đề nghị khen thưởng 01 tập thể.");
    }
  }
}
