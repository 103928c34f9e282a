package vn.nghean.review.demo;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;

/**
 * On the first start, the demo users and one campaign whose report deadline falls a few minutes
 * later, with units at every stage, so Tasklist and Cockpit have work at once. A restart adds nothing.
 */
@Component
@ConditionalOnProperty(name = "review.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final DemoUsers users;
  private final CampaignService campaigns;
  private final ReportService reports;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final String campaignCode;
  private final Duration reportDeadlineIn;

  DemoData(DemoUsers users, CampaignService campaigns, ReportService reports, RuntimeService runtimeService,
      FormService formService, RepositoryService repositoryService, TaskService taskService, ManagementService managementService, IdentityService identityService,
      @Value("${review.demo.campaign-code}") String campaignCode,
      @Value("${review.demo.report-deadline-in}") Duration reportDeadlineIn) {
    this.users = users;
    this.campaigns = campaigns;
    this.reports = reports;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.campaignCode = campaignCode;
    this.reportDeadlineIn = reportDeadlineIn;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void createOnce() {
    users.create();
    if (campaigns.find(campaignCode).isPresent()) {
      LOG.info("Demo campaign {} already exists: nothing added", campaignCode);
      return;
    }
    Date deadline = Date.from(VietnamTime.nowInstant().plus(reportDeadlineIn));
    as(DemoUsers.PV01_OFFICER, Groups.PV01, () -> {
      // As PV01 does it in Tasklist: through the campaign's start form.
      formService.submitStartForm(repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId(), campaignCode, Map.of(
          CampaignProcess.Var.CAMPAIGN_CODE, campaignCode,
          CampaignProcess.Var.CAMPAIGN_TITLE, "Sơ kết 02 năm (2023–2024) xây dựng đơn vị điển hình",
          CampaignProcess.Var.REVIEW_PERIOD, "2023–2024",
          CampaignProcess.Var.REPORT_DEADLINE, deadline,
          CampaignProcess.Var.CONFERENCE_DEADLINE, VietnamTime.plusDays(deadline, 30),
          // The 2023–2024 campaign of the seed, with the district-level units of its time.
          CampaignProcess.Var.PARTICIPANTS_ON, DemoUsers.CAMPAIGN_UNITS_ON.toString()));
      complete(campaignTask(CampaignProcess.Element.ISSUE_GUIDANCE), Map.of(
          CampaignProcess.Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
          CampaignProcess.Var.GUIDANCE_DATE, VietnamTime.now(),
          CampaignProcess.Var.GUIDANCE_NOTES, "Hướng dẫn các đơn vị sơ kết 02 năm xây dựng đơn vị điển hình."));
    });
    startUnitsNow();
    chooseFormat("CUALO", UnitReviewProcess.CONFERENCE);
    chooseFormat("DIENCHAU", UnitReviewProcess.WRITTEN);
    as(officer("DIENCHAU"), Groups.unitOfficers("DIENCHAU"), () -> reports.saveDraft(campaignCode, "DIENCHAU",
        DemoReports.halfWritten(reports.get(campaignCode, "DIENCHAU").getUnitName()), officer("DIENCHAU")));
    draftAndApprove("THAIHOA", false);
    draftAndApprove("HOANGMAI", true);
    draftAndApprove("ANHSON", true);
    evaluate("ANHSON", Map.of(Var.EVALUATION_DECISION, UnitReviewProcess.REVISE,
        Var.REVISION_COMMENT, "Đề nghị bổ sung số liệu mô hình đang hoạt động và làm rõ nguyên nhân hạn chế.",
        Var.REVISION_DUE_DATE, VietnamTime.isoDay(VietnamTime.plusDays(VietnamTime.now(), 3))));
    draftAndApprove("CONCUONG", true);
    evaluate("CONCUONG", Map.of(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT, Var.RATING, "GOOD",
        Var.SELECTED_PRACTICES, "Mô hình \"Bản làng bình yên\" gắn với hương ước, quy ước của thôn, bản."));
    LOG.info("Demo campaign {} created; report deadline {}", campaignCode, VietnamTime.formatDayTime(deadline));
  }

  /**
   * The guidance mail and each unit's start are jobs; the demo runs them here rather than wait for
   * the job executor, which may run some of them at the same time: this node's, or another node's that
   * started first (nodes may start together). Of two runs of one job one commits and the other rolls
   * back, on the job's version or on a unit record's unique key; the demo goes on once no job is left.
   */
  private void startUnitsNow() {
    String campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaignCode)
        .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
    for (int round = 0; round < 10_000; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(campaign).messages().listPage(0, 50);
      if (jobs.isEmpty()) {
        return;
      }
      boolean ranOne = false;
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
          ranOne = true;
        } catch (ProcessEngineException | DataAccessException ranElsewhere) {
          LOG.debug("Job {} ran elsewhere: {}", job.getId(), ranElsewhere.getMessage());
        }
      }
      if (!ranOne) {
        pause(); // the job executor holding them finishes them
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the demo's jobs ran elsewhere", e);
    }
  }

  private void chooseFormat(String unit, String format) {
    as(officer(unit), Groups.unitOfficers(unit), () -> complete(unitTask(unit, Element.CHOOSE_REVIEW_FORMAT),
        Map.of(Var.REVIEW_FORMAT, format, Var.PLANNED_DATE, VietnamTime.now())));
  }

  private void draftAndApprove(String unit, boolean approve) {
    chooseFormat(unit, UnitReviewProcess.WRITTEN);
    as(officer(unit), Groups.unitOfficers(unit), () -> {
      reports.saveDraft(campaignCode, unit, sampleReport(unit), officer(unit));
      complete(unitTask(unit, Element.DRAFT_REPORT), Map.of());
    });
    if (approve) {
      as(unit.toLowerCase() + "lead", Groups.unitLeaders(unit), () -> complete(
          unitTask(unit, Element.APPROVE_UNIT_REPORT), Map.of(Var.LEADER_DECISION, UnitReviewProcess.APPROVE)));
    }
  }

  private void evaluate(String unit, Map<String, Object> decision) {
    as(DemoUsers.PV01_OFFICER, Groups.PV01, () -> complete(unitTask(unit, Element.EVALUATE_REPORT), decision));
  }

  private ReportDraft sampleReport(String unit) {
    return DemoReports.complete(reports.get(campaignCode, unit).getUnitName());
  }

  private static String officer(String unit) {
    return unit.toLowerCase() + "officer";
  }

  private Task campaignTask(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(campaignCode).taskDefinitionKey(key)
        .singleResult();
  }

  private Task unitTask(String unit, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(UnitReviewProcess.businessKey(campaignCode, unit))
        .taskDefinitionKey(key).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), new HashMap<>(variables));
  }

  private void as(String userId, String group, Runnable work) {
    identityService.setAuthentication(userId, List.of(group));
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
