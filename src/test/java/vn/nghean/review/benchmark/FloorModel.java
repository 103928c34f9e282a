package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The engine's floor: the same two BPMN models, the same shapes, timers, gateways and asynchronous
 * boundaries, with every delegate and listener replaced by a no-op expression and every bean-computed
 * date by a fixed far one; the units are started and counted by {@code FloorUnits}, the least the
 * engine needs for that. Driving it the same way as ours measures what the
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
        // Starting and counting the units is the model's own shape: the floor does it with the least
        // the engine needs (FloorUnits), ours with its delegates.
        .replace("${campaignParticipants.batches(execution)}", "#{LOOP}")
        .replace("delegateExpression=\"${startUnitReviews}\"", "delegateExpression=\"#{START}\"")
        .replace("delegateExpression=\"${unitReviewClosed}\"", "delegateExpression=\"#{CLOSED}\"")
        // The round: the floor keeps it in a variable, where ours reads the unit's record.
        .replace("${unitStatusTracker.firstRound(execution)}", "${round == 1}")
        .replace("${!unitStatusTracker.firstRound(execution)}", "${round &gt; 1}")
        // Who acts: ours reads the unit from the business key (UnitTaskGroups), the floor from a variable.
        .replace("${unitTaskGroups.officers(execution)}", "unit${unitCode}")
        .replace("${unitTaskGroups.leaders(execution)}", "unit${unitCode}lead")
        // Delegates and listeners: a no-op expression in their place.
        .replaceAll("(camunda:)?delegateExpression=\"\\$\\{\\w+\\}\"", "$1expression=\"\\${true}\"")
        // The report deadline: a variable, far ahead but brought to a near date for the floor's burst.
        .replace("${unitDeadlines.dueDate(execution)}", "${reportDueDate}")
        // Other dates computed by beans: a fixed date (or cycle) far ahead.
        .replace("${unitDeadlines.escalationCycle(execution)}", "${farCycle}")
        .replaceAll("\\$\\{\\w+\\.\\w+\\([^}]*\\)\\}", "\\${farFuture}")
        .replace("#{LOOP}", "${floorUnits.batches(unitCount)}")
        .replace("#{START}", "${floorUnits}")
        .replace("#{CLOSED}", "${floorUnits}")
        // The campaign's start form, whose rules are ours: the floor is started as a program starts a
        // process, with the variables it needs (its tasks keep their forms, which the engine's guard reads).
        .replace("camunda:formRef=\"campaign-start\" camunda:formRefBinding=\"latest\"", "")
        .replace("\"reviewCampaign\"", "\"" + CAMPAIGN_KEY + "\"")
        .replace("\"unitReview\"", "\"" + UNIT_KEY + "\"");
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
