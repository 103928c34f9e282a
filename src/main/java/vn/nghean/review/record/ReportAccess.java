package vn.nghean.review.record;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * Who may write a report: the unit's officers while their drafting task is open; PV01 while the
 * provincial report is being compiled. Everyone else reads at most.
 */
@Component
public class ReportAccess {

  private final TaskService taskService;

  public ReportAccess(TaskService taskService) {
    this.taskService = taskService;
  }

  public boolean unitReportEditable(CurrentUser user, String campaignCode, String unitCode) {
    return user.isIn(Groups.unitOfficers(unitCode))
        && taskService.createTaskQuery().processInstanceBusinessKey(UnitReviewProcess.businessKey(campaignCode, unitCode))
            .taskDefinitionKey(UnitReviewProcess.Element.DRAFT_REPORT).count() > 0;
  }

  public void requireUnitReportEditable(CurrentUser user, String campaignCode, String unitCode) {
    user.requireReadAccess(unitCode);
    if (!unitReportEditable(user, campaignCode, unitCode)) {
      throw new ForbiddenException("Chỉ cán bộ của đơn vị " + unitCode
          + " được sửa báo cáo, và chỉ khi đang ở bước «Xây dựng báo cáo sơ kết»");
    }
  }

  public boolean provincialReportEditable(CurrentUser user, String campaignCode) {
    return user.isIn(Groups.PV01)
        && taskService.createTaskQuery().processInstanceBusinessKey(campaignCode)
            .processDefinitionKey(CampaignProcess.KEY)
            .taskDefinitionKey(CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT).count() > 0;
  }

  public void requireProvincialReader(CurrentUser user) {
    if (!user.readsWholeProvince()) {
      throw new ForbiddenException("Báo cáo toàn tỉnh chỉ dành cho PV01, Ban Chỉ đạo và lãnh đạo tỉnh");
    }
  }
}
