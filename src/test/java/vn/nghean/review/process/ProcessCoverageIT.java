package vn.nghean.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coverage gate of the process tests: every flow node and sequence flow of every BPMN file in
 * {@code processes/} was passed by some process test (their reports, written in
 * {@code target/process-test-coverage/} by the test phase, taken together). Runs after the tests,
 * and fails the build when anything was never run.
 */
class ProcessCoverageIT {

  static final Path REPORTS = Path.of("target/process-test-coverage");
  static final Path MODELS = Path.of("processes");

  @Test
  void shouldHavePassedEveryFlowNodeAndSequenceFlowOfEveryProcess() throws IOException {
    Map<String, Set<String>> covered = covered();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          Set<String> elements = new TreeSet<>();
          model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
          model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
          elements.removeAll(covered.getOrDefault(process.getId(), Set.of()));
          assertThat(elements).as("elements of %s that no process test passed", process.getId()).isEmpty();
        }
      }
    }
  }

  /** Element ids passed, per process key, in every test class's report. */
  static Map<String, Set<String>> covered() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> covered = new HashMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(REPORTS)) {
      reports = files.filter(f -> f.getFileName().toString().equals("report.json")).toList();
    }
    assertThat(reports).as("process test reports in %s", REPORTS).isNotEmpty();
    for (Path report : reports) {
      for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    return covered;
  }
}
