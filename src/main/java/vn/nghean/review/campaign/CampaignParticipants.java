package vn.nghean.review.campaign;

import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.CampaignProcess;

/**
 * The participating units of a campaign, in batches: the collection of {@code Task_StartUnitReviews}
 * is the batches' numbers, and each of its jobs starts the reviews of one batch.
 */
@Component("campaignParticipants")
public class CampaignParticipants {

  /**
   * Units started per job. A unit's start writes about fifty rows (instance, tasks, timers, report,
   * grants, mail); 100 units make a transaction of a few seconds, and 10,000 units 100 jobs.
   */
  public static final int DEFAULT_BATCH_SIZE = 100;

  private final CampaignService campaigns;
  private final int batchSize;

  public CampaignParticipants(CampaignService campaigns,
      @Value("${review.campaign.units-per-start-job:" + DEFAULT_BATCH_SIZE + "}") int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("review.campaign.units-per-start-job must be at least 1: " + batchSize);
    }
    this.campaigns = campaigns;
    this.batchSize = batchSize;
  }

  public List<String> codes(String campaignCode) {
    return campaigns.participants(campaignCode);
  }

  /** The batches' numbers: 0, 1, ... for as many batches as the campaign's units need. */
  public List<Integer> batches(VariableScope campaign) {
    int units = campaigns.get(CampaignProcess.code(campaign)).getUnitCount();
    return IntStream.range(0, (units + batchSize - 1) / batchSize).boxed().toList();
  }

  /** The unit codes of batch {@code number}, in the campaign's order. */
  public List<String> batch(String campaignCode, int number) {
    List<String> codes = number < 0 ? List.of() : campaigns.participants(campaignCode, number, batchSize);
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("Campaign " + campaignCode + " has no batch " + number);
    }
    return codes;
  }
}
