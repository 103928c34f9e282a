package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.ProcessTestBase;

/**
 * A signed-in person's checks take their groups as they are (AuthenticatedGroupsPlugin): the engine no
 * longer reads every group holding a grant for each command, and what a person may see is unchanged.
 */
class AuthenticatedGroupsTest extends ProcessTestBase {

  @Override
  protected Instant start() {
    return Instant.parse("2024-06-01T01:00:00Z");
  }

  @Test
  void shouldTakeAFewGroupsAsTheyAreAndNarrowManyAsCamundaDoes() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> few = configuration.getCommandExecutorTxRequired().execute((CommandContext context) ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("no-grant-a", "no-grant-b", "no-grant-a")));
    assertThat(few).containsExactly("no-grant-a", "no-grant-b");

    List<String> many = IntStream.range(0, AuthenticatedGroupsPlugin.NARROWED_FROM).mapToObj(i -> "no-grant-" + i)
        .collect(java.util.stream.Collectors.toList());
    many.add(Groups.PV01);
    List<String> narrowed = configuration.getCommandExecutorTxRequired().execute((CommandContext context) ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(many));
    assertThat(narrowed).containsExactly(Groups.PV01);
  }

  @Test
  void shouldLetAUnitsOfficerSeeItsOwnTaskAndNotAnotherUnitsWithGroupsThatHoldNoGrant() {
    String code = newCampaignCode();
    campaignWithGuidance(code, "VINH,CUALO");
    jobs.runContinuations();

    engine.getIdentityService().setAuthentication("someone-of-vinh", List.of("unitVINH", "a-group-without-grants"));
    try {
      List<Task> visible = engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(code + "/%").listPage(0, 100);
      assertThat(visible).extracting(Task::getTaskDefinitionKey)
          .containsExactly(UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code + "/VINH")
          .count()).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code + "/CUALO")
          .count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(code + "/%").count()).isEqualTo(2);
  }
}
