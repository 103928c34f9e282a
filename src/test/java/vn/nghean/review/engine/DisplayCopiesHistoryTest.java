package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nghean.review.form.FormDeclarations;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.support.ProcessTestBase;

/**
 * A unit's display copies live in the runtime only, the history keeps none of them; what people
 * submit, and the campaign's own variables, keep their full history (DisplayCopiesHistoryPlugin).
 */
class DisplayCopiesHistoryTest extends ProcessTestBase {

  @Autowired FormDeclarations forms;
  @Autowired DisplayCopiesHistoryPlugin plugin;
  @Autowired DataSource dataSource;

  @Override
  protected Instant start() {
    return Instant.parse("2024-06-01T01:00:00Z");
  }

  @Test
  void shouldKeepTheDisplayCopiesOutOfTheHistoryAndEveryChangeOfWhatPeopleSubmit() {
    String code = newCampaignCode();
    ProcessInstance campaign = campaignWithGuidance(code, "VINH");
    ProcessInstance unit = vinhWithItsFormatChosen(code);
    jobs.fire(unit, Element.FIRST_REMINDER);
    jobs.fire(unit, Element.REPORT_OVERDUE);
    jobs.fire(unit, Element.ESCALATION);

    // What Cockpit shows of the running unit: the runtime's copies, up to date.
    assertThat(engine.getRuntimeService().getVariables(unit.getId())).containsEntry(Var.OVERDUE, true)
        .containsEntry(Var.ESCALATION_LEVEL, 2).containsEntry(Var.UNIT_NAME, "UBND thành phố Vinh")
        .containsEntry(Var.CAMPAIGN_CODE, code);
    assertThat((String) engine.getRuntimeService().getVariable(unit.getId(), Var.LAST_DEADLINE_EVENT))
        .startsWith("Đôn đốc cấp 2 - ");

    // The history: each value the officer submitted, with every change; none of the copies.
    assertThat(historicNames(unit)).contains(Var.REVIEW_FORMAT, Var.PLANNED_DATE)
        .doesNotContainAnyElementsOf(Var.DISPLAY_COPIES);
    List<String> unitDetails = variableUpdates(unit);
    assertThat(unitDetails).contains(Var.REVIEW_FORMAT, Var.PLANNED_DATE)
        .doesNotContainAnyElementsOf(Var.DISPLAY_COPIES);
    // The campaign keeps the history of its start form, the same names included.
    assertThat(historicNames(campaign)).contains(CampaignProcess.Var.CAMPAIGN_CODE, CampaignProcess.Var.REPORT_DEADLINE);
    assertThat(variableUpdates(campaign)).contains(CampaignProcess.Var.CAMPAIGN_CODE,
        CampaignProcess.Var.REPORT_DEADLINE, CampaignProcess.Var.GUIDANCE_NUMBER);
  }

  @Test
  void shouldDeleteAtStartTheCopiesThatAnEarlierVersionKeptInTheHistory() {
    String code = newCampaignCode();
    campaignWithGuidance(code, "VINH");
    ProcessInstance unit = vinhWithItsFormatChosen(code);
    // What the version before kept: the unit's status as it was when that version stopped.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
        + " EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_, STATE_, REV_) values (?, ?, ?, ?, ?, ?, ?, 'string', 'NOT_STARTED',"
        + " 'CREATED', 1)", "old-copy-" + code, UnitReviewProcess.KEY, unit.getProcessDefinitionId(), unit.getId(),
        unit.getId(), unit.getId(), Var.UNIT_STATUS);
    assertThat(historicNames(unit)).contains(Var.UNIT_STATUS);

    plugin.forgetCopiesKeptBefore();

    assertThat(historicNames(unit)).doesNotContain(Var.UNIT_STATUS).contains(Var.REVIEW_FORMAT, Var.PLANNED_DATE);
  }

  @Test
  void shouldNameNoVariableThatAFormOfTheUnitsProcessLetsPeopleSubmit() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(UnitReviewProcess.KEY).latestVersion().singleResult().getId();
    List<UserTask> tasks = List.copyOf(engine.getRepositoryService().getBpmnModelInstance(definition)
        .getModelElementsByType(UserTask.class));
    assertThat(tasks).isNotEmpty();
    for (UserTask task : tasks) {
      for (String copy : Var.DISPLAY_COPIES) {
        assertThat(forms.of(task).declares(copy)).as("%s's form declares the display copy %s", task.getId(), copy)
            .isFalse();
      }
    }
  }

  /** Vinh's review, opened by the campaign, with its officer's choice of a written review submitted. */
  ProcessInstance vinhWithItsFormatChosen(String code) {
    jobs.runContinuations();
    ProcessInstance unit = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(UnitReviewProcess.businessKey(code, "VINH")).singleResult();
    Task format = engine.getTaskService().createTaskQuery().processInstanceId(unit.getId()).singleResult();
    engine.getFormService().submitTaskForm(format.getId(), Map.of(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN,
        Var.PLANNED_DATE, "2024-06-20"));
    return unit;
  }

  List<String> historicNames(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .stream().map(HistoricVariableInstance::getName).toList();
  }

  List<String> variableUpdates(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
        .variableUpdates().list().stream().map(HistoricDetail.class::cast)
        .map(detail -> ((HistoricVariableUpdate) detail).getVariableName()).distinct().toList();
  }
}
