package vn.nghean.review.unitreview;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignUnit;
import vn.nghean.review.identity.InstanceAuthorizations;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;

/**
 * Start listener of {@code StartEvent_UnitReviewStarted}: opens the unit's record, lets the unit's
 * own officers and leader read this instance, and names the unit for Cockpit.
 */
@Component("unitReviewStarted")
class UnitReviewStarted implements ExecutionListener {

  private final CampaignService campaigns;
  private final ReportService reports;
  private final InstanceAuthorizations authorizations;

  UnitReviewStarted(CampaignService campaigns, ReportService reports,
      InstanceAuthorizations authorizations) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(execution);
    Campaign campaign = campaigns.get(key.campaignCode());
    CampaignUnit unit = campaigns.unit(key.campaignCode(), key.unitCode()).orElseThrow(() -> new IllegalStateException(
        "Unit " + key.unitCode() + " does not take part in " + key.campaignCode()));
    reports.open(campaign.getCode(), unit.getUnitCode(), unit.getName(), execution.getProcessInstanceId(),
        campaign.getReportDeadline());
    authorizations.grantToUnit(execution.getProcessInstanceId(), unit.getUnitCode());
    execution.setVariable(Var.UNIT_NAME, unit.getName());
    execution.setVariable(Var.REPORT_DUE_DATE, Date.from(campaign.getReportDeadline()));
    execution.setVariable(Var.ROUND, 1);
    execution.setVariable(UnitReviewProcess.Var.OVERDUE, false);
    execution.setVariable(UnitReviewProcess.Var.ESCALATION_LEVEL, 0);
    UnitStatusTracker.show(execution, UnitStatus.NOT_STARTED);
  }
}
