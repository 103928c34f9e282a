package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nghean.review.support.ProcessTestBase;

/**
 * Every job has a due date, the table an index on it, and a job an earlier version left without one
 * is given its creation time at start and then runs (DueJobsPlugin).
 */
class DueJobsTest extends ProcessTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired DueJobsPlugin plugin;

  @Override
  protected Instant start() {
    return Instant.parse("2024-06-01T01:00:00Z");
  }

  @Test
  void shouldDateEveryContinuationAndIndexTheDueDates() {
    ProcessInstance campaign = startedCampaign();
    Job continuation = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId()).messages()
        .singleResult();
    assertThat(continuation.getDuedate()).isEqualTo(java.util.Date.from(Instant.parse("2024-06-01T01:00:00Z")));
    assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes where upper(index_name) = ?",
        Long.class, DueJobsPlugin.INDEX)).isPositive();
  }

  @Test
  void shouldDateAJobLeftWithoutDueDateAtStartSoThatItRuns() {
    ProcessInstance campaign = startedCampaign();
    Job continuation = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId()).messages()
        .singleResult();
    jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", continuation.getId());
    assertThat(engine.getManagementService().createJobQuery().jobId(continuation.getId()).singleResult().getDuedate())
        .isNull();

    plugin.postProcessEngineBuild(engine);

    Job dated = engine.getManagementService().createJobQuery().jobId(continuation.getId()).singleResult();
    assertThat(dated.getDuedate()).isNotNull();
    jobs.runContinuations();
    assertThat(engine.getManagementService().createJobQuery().jobId(continuation.getId()).count()).isZero();
  }

  ProcessInstance startedCampaign() {
    return campaignWithGuidance(newCampaignCode(), "VINH");
  }
}
