package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The engine's floor: the same two BPMN models, the same shapes, timers, gateways, asynchronous
 * boundaries and call activity, with every delegate and listener replaced by a no-op expression and
 * every bean-computed date by a fixed far one. Driving it the same way as ours measures what the
 * engine alone costs.
 */
final class FloorModel {

  static final String CAMPAIGN_KEY = "floorCampaign";
  static final String UNIT_KEY = "floorUnit";

  private FloorModel() {}

  static void deploy(RepositoryService repository) {
    repository.createDeployment().name("floor").enableDuplicateFiltering(true)
        .addString("floor-campaign.bpmn", floor(read("processes/review-campaign.bpmn")))
        .addString("floor-unit.bpmn", floor(read("processes/unit-review.bpmn")))
        .deploy();
  }

  static String floor(String xml) {
    return xml
        .replace("${campaignParticipants.codes(campaignCode)}", "#{LOOP}")
        // Delegates and listeners: a no-op expression in their place.
        .replaceAll("(camunda:)?delegateExpression=\"\\$\\{\\w+\\}\"", "$1expression=\"\\${true}\"")
        // Dates computed by beans: a fixed date (or cycle) far ahead.
        .replace("${unitDeadlines.escalationCycle(execution)}", "${farCycle}")
        .replaceAll("\\$\\{\\w+\\.\\w+\\([^}]*\\)\\}", "\\${farFuture}")
        .replace("#{LOOP}", "${floorUnits.codes(unitCount)}")
        .replace("\"reviewCampaign\"", "\"" + CAMPAIGN_KEY + "\"")
        .replace("\"unitReview\"", "\"" + UNIT_KEY + "\"")
        // The floor sets no variables in delegates: the unit gets all of the campaign's.
        .replace("<camunda:in businessKey=", "<camunda:in variables=\"all\" />\n        <camunda:in businessKey=");
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
