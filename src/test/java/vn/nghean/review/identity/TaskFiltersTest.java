package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.support.ApplicationTestBase;

/** The saved Tasklist filters: who sees which, and which tasks each one lists. */
class TaskFiltersTest extends ApplicationTestBase {

  static final String CODE = "SK-FILTERS";
  static final long DAY = 86_400_000L;

  @Autowired ReportService reports;

  Map<String, String> filterIds(String user) {
    Map<String, String> ids = new HashMap<>();
    for (JsonNode filter : read(as(user).getForEntity("/engine-rest/filter?resourceType=Task&maxResults=100", String.class))) {
      ids.put(filter.get("name").asText(), filter.get("id").asText());
    }
    return ids;
  }

  long count(String user, String filterName) {
    String id = filterIds(user).get(filterName);
    return read(as(user).getForEntity("/engine-rest/filter/" + id + "/count", String.class)).get("count").asLong();
  }

  void due(Task task, long fromNow) {
    task.setDueDate(new Date(System.currentTimeMillis() + fromNow));
    engine.getTaskService().saveTask(task);
  }

  @Test
  void shouldGiveEachGroupItsFiltersAndListTheRightTasks() {
    user("filtervinh", "unitVINH");
    user("filterpv01", "pv01");
    assertStatus(startCampaign("filterpv01", CODE, "VINH,CUALO,ANHSON"), 200);
    TaskService tasks = engine.getTaskService();
    issueGuidance(CODE);

    assertThat(filterIds("filtervinh").keySet()).containsExactlyInAnyOrder(TaskFilters.CLAIMED, TaskFilters.TO_DO,
        TaskFilters.DUE_SOON, TaskFilters.OVERDUE);
    assertThat(filterIds("filterpv01").keySet()).contains(TaskFilters.AWAITING_EVALUATION);
    user("filterpv01lead", "pv01lead");
    assertThat(filterIds("filterpv01lead").keySet()).doesNotContain(TaskFilters.AWAITING_EVALUATION);
    JsonNode unitFilter = read(as("filtervinh").getForEntity(
        "/engine-rest/filter/" + filterIds("filtervinh").get(TaskFilters.TO_DO), String.class));
    assertThat(unitFilter.at("/properties/variables/0/label").asText()).isEqualTo("Đơn vị");

    Task vinh = task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    assertThat(count("filtervinh", TaskFilters.TO_DO)).isEqualTo(1);
    assertThat(count("filtervinh", TaskFilters.CLAIMED)).isZero();
    tasks.claim(vinh.getId(), "filtervinh");
    assertThat(count("filtervinh", TaskFilters.CLAIMED)).isEqualTo(1);
    assertThat(count("filtervinh", TaskFilters.TO_DO)).isEqualTo(1);

    due(task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT), 2 * DAY);
    assertThat(count("filtervinh", TaskFilters.DUE_SOON)).isEqualTo(1);
    assertThat(count("filtervinh", TaskFilters.OVERDUE)).isZero();
    due(task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT), -DAY);
    assertThat(count("filtervinh", TaskFilters.DUE_SOON)).isZero();
    assertThat(count("filtervinh", TaskFilters.OVERDUE)).isEqualTo(1);
    due(task(CODE + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT), 10 * DAY);
    assertThat(count("filtervinh", TaskFilters.DUE_SOON)).isZero();
    assertThat(count("filtervinh", TaskFilters.OVERDUE)).isZero();

    long awaiting = count("filterpv01", TaskFilters.AWAITING_EVALUATION);
    String key = CODE + "/CUALO";
    tasks.complete(task(key, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(), Map.of("reviewFormat",
        UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    reports.saveDraft(CODE, "CUALO", fullReport("CUALO"), "officer");
    tasks.complete(task(key, UnitReviewProcess.Element.DRAFT_REPORT).getId());
    tasks.complete(task(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT).getId(), Map.of("leaderDecision",
        UnitReviewProcess.APPROVE));
    assertThat(count("filterpv01", TaskFilters.AWAITING_EVALUATION)).isEqualTo(awaiting + 1);
  }
}
