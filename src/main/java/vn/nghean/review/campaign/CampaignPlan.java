package vn.nghean.review.campaign;

import java.util.Date;
import java.util.List;

/** A validated campaign start: what the start form asked for, with dates resolved and defaults applied. */
record CampaignPlan(String code, String title, String period, Date reportDeadline, Date synthesisCutoff,
    Date conferenceDeadline, List<String> unitCodes, Ladder ladder) {}
