package vn.nghean.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/**
 * Every job of the BPMN files in {@code processes/} waits between attempts: each asynchronous
 * continuation (of a flow node, or of the instances of a multi-instance activity) and each timer event
 * has a {@code camunda:failedJobRetryTimeCycle} where the engine reads it. Without one a failing job is
 * tried three times at once and becomes an incident; a new async point or timer without one fails
 * here. {@code FailedJobRetryProcessTest} shows the engine applying the cycles.
 */
class ProcessRetryCycleTest {

  static final Path MODELS = Path.of("processes");
  /** What Camunda accepts: {@code R5/PT5M} (5 attempts, 5 minutes apart), or a list {@code PT1M,PT5M}. */
  static final Pattern REPEAT = Pattern.compile("R(\\d+)/(P\\S+)");

  @Test
  void shouldGiveEveryAsyncPointAndEveryTimerARetryCycle() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(MODELS)) {
      files = list.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).as("BPMN files in %s", MODELS).isNotEmpty();
    for (Path file : files) {
      Map<String, String> cycles = jobElements(file);
      assertThat(cycles).as("async points and timers of %s", file).isNotEmpty();
      Map<String, String> without = new TreeMap<>(cycles);
      without.values().removeIf(cycle -> cycle != null && !intervals(cycle).isEmpty()
          && intervals(cycle).stream().noneMatch(interval -> interval.isNegative() || interval.isZero()));
      assertThat(without).as("async points and timers of %s without a valid camunda:failedJobRetryTimeCycle", file)
          .isEmpty();
    }
  }

  @Test
  void shouldFindTheKindsOfJobsTheProcessesHave() throws IOException {
    // Not an empty check: the services, batches, end events and timers of both processes are found.
    assertThat(jobElements(MODELS.resolve("review-campaign.bpmn"))).containsKeys(CampaignProcess.Element.NOTIFY_GUIDANCE_ISSUED,
        "Task_StartUnitReviews (each instance)", CampaignProcess.Element.PREPARE_PROVINCIAL_DRAFT,
            CampaignProcess.Element.REPORT_DEADLINE_SUMMARY,
        CampaignProcess.Element.CONFERENCE_REMINDER, CampaignProcess.Element.CONFERENCE_OVERDUE);
    assertThat(jobElements(MODELS.resolve("unit-review.bpmn"))).containsKeys(UnitReviewProcess.Element.REPORT_ACCEPTED,
        UnitReviewProcess.Element.CLOSED_AT_CUTOFF, UnitReviewProcess.Element.FIRST_REMINDER,
            UnitReviewProcess.Element.SECOND_REMINDER, UnitReviewProcess.Element.REPORT_OVERDUE,
        UnitReviewProcess.Element.ESCALATION, UnitReviewProcess.Element.EVALUATION_OVERDUE,
            UnitReviewProcess.Element.SYNTHESIS_CUTOFF);
  }

  /** Each element of the file that makes a job, with its retry cycle ({@code null} when it has none). */
  static Map<String, String> jobElements(Path file) throws IOException {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
    }
    Map<String, String> cycles = new TreeMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
        cycles.put(node.getId(), cycle(node));
      }
      if (node instanceof CatchEvent event
          && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)) {
        // On the event, not on its timerEventDefinition: that is where the engine reads it.
        cycles.put(node.getId(), cycle(node));
      }
      if (node instanceof Activity activity
          && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
          && (loop.isCamundaAsyncBefore() || loop.isCamundaAsyncAfter())) {
        // The job of each instance reads the cycle of the loop characteristics, not of the activity.
        cycles.put(node.getId() + " (each instance)", cycle(loop));
      }
    }
    return cycles;
  }

  static String cycle(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    List<CamundaFailedJobRetryTimeCycle> found = extensions.getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).list();
    return found.isEmpty() ? null : found.get(0).getTextContent().trim();
  }

  /** The waits between attempts that a cycle stands for; empty when it is not one Camunda reads. */
  static List<Duration> intervals(String cycle) {
    List<Duration> intervals = new ArrayList<>();
    try {
      Matcher repeat = REPEAT.matcher(cycle);
      if (repeat.matches()) {
        for (int i = 0; i < Integer.parseInt(repeat.group(1)); i++) {
          intervals.add(Duration.parse(repeat.group(2)));
        }
      } else {
        for (String interval : cycle.split("\\s*,\\s*")) {
          intervals.add(Duration.parse(interval));
        }
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      return List.of();
    }
    return intervals;
  }
}
