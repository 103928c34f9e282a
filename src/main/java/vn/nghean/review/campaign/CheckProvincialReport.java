package vn.nghean.review.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignProcess.Var;
import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.report.ProvincialReportService;

/**
 * Complete listener of {@code CompileProvincialReport}: the report needs PV01's conclusions; a new
 * version clears the previous approval decision, so the head of PV01 decides afresh.
 */
@Component("checkProvincialReport")
public class CheckProvincialReport implements TaskListener {

  private final ProvincialReportService provincialReports;

  public CheckProvincialReport(ProvincialReportService provincialReports) {
    this.provincialReports = provincialReports;
  }

  @Override
  public void notify(DelegateTask task) {
    InvalidInputException.throwIfAny(provincialReports.missingParts((String) task.getVariable(Var.CAMPAIGN_CODE)));
    task.removeVariable(Var.PROVINCIAL_DECISION);
    task.removeVariable(Var.PROVINCIAL_COMMENT);
  }
}
