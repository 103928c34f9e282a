package vn.nghean.review.campaign;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.guard.TaskCheck;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.record.ProvincialReportService;

/**
 * Complete listener of {@code CompileProvincialReport}: the report needs PV01's conclusions; a new
 * version clears the previous approval decision, so the head of PV01 decides afresh.
 */
@Component("checkProvincialReport")
class CheckProvincialReport implements TaskCheck {

  private final ProvincialReportService provincialReports;

  CheckProvincialReport(ProvincialReportService provincialReports) {
    this.provincialReports = provincialReports;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    return provincialReports.missingParts(CampaignProcess.code(task));
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    task.removeVariable(Var.PROVINCIAL_DECISION);
    task.removeVariable(Var.PROVINCIAL_COMMENT);
  }
}
