package vn.nghean.review.campaign;

import java.util.List;

import org.springframework.stereotype.Component;

/** The collection of {@code CallActivity_UnitReviews}: one unit review per participating unit. */
@Component("campaignParticipants")
public class CampaignParticipants {

  private final CampaignService campaigns;

  public CampaignParticipants(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  public List<String> codes(String campaignCode) {
    return campaigns.participants(campaignCode);
  }
}
