package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.form.FormDeclarations;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.support.ProcessTestBase;

/**
 * A unit's display copies keep their latest value in the history and no detail row per change;
 * what people submit, and the campaign's own variables, keep theirs (DisplayCopiesHistoryPlugin).
 */
class DisplayCopiesHistoryTest extends ProcessTestBase {

  @Autowired FormDeclarations forms;

  @Override
  protected Instant start() {
    return Instant.parse("2024-06-01T01:00:00Z");
  }

  @Test
  void shouldKeepTheLatestValueOfADisplayCopyAndEveryChangeOfWhatPeopleSubmit() {
    String code = newCampaignCode();
    ProcessInstance campaign = campaignWithGuidance(code, "VINH");
    jobs.runContinuations();
    ProcessInstance unit = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(UnitReviewProcess.businessKey(code, "VINH")).singleResult();
    Task format = engine.getTaskService().createTaskQuery().processInstanceId(unit.getId()).singleResult();
    engine.getFormService().submitTaskForm(format.getId(), Map.of(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN,
        Var.PLANNED_DATE, "2024-06-20"));
    jobs.fire(unit, Element.FIRST_REMINDER);
    jobs.fire(unit, Element.REPORT_OVERDUE);
    jobs.fire(unit, Element.ESCALATION);

    // The history's current values: what Cockpit shows of a unit, also once it has ended.
    assertThat(historicValue(unit, Var.OVERDUE)).isEqualTo(true);
    assertThat(historicValue(unit, Var.ESCALATION_LEVEL)).isEqualTo(2);
    assertThat((String) historicValue(unit, Var.LAST_DEADLINE_EVENT)).startsWith("Đôn đốc cấp 2 - ");
    assertThat(historicValue(unit, Var.UNIT_NAME)).isEqualTo("UBND thành phố Vinh");
    assertThat(historicValue(unit, Var.CAMPAIGN_CODE)).isEqualTo(code);

    // Details: each value the officer submitted, none of the copies the application rewrote.
    List<String> unitDetails = variableUpdates(unit);
    assertThat(unitDetails).contains(Var.REVIEW_FORMAT, Var.PLANNED_DATE)
        .doesNotContainAnyElementsOf(Var.DISPLAY_COPIES);
    // The campaign keeps the details of its start form, the same names included.
    assertThat(variableUpdates(campaign)).contains(CampaignProcess.Var.CAMPAIGN_CODE,
        CampaignProcess.Var.REPORT_DEADLINE, CampaignProcess.Var.GUIDANCE_NUMBER);
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

  Object historicValue(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    assertThat(variable).as("the history's %s of %s", name, instance.getBusinessKey()).isNotNull();
    return variable.getValue();
  }

  List<String> variableUpdates(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
        .variableUpdates().list().stream().map(HistoricDetail.class::cast)
        .map(detail -> ((HistoricVariableUpdate) detail).getVariableName()).distinct().toList();
  }
}
