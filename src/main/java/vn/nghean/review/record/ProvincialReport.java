package vn.nghean.review.record;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The provincial report of a campaign: the draft the system prepares from the unit reports, and
 * PV01's conclusions and proposed commendations.
 */
@Entity
@Table(name = "provincial_report")
public class ProvincialReport {

  /** Room for the texts of 10,000 units; {@link ProvincialReportService} stops short of it. */
  static final int TEXT_LENGTH = 1_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, unique = true, length = 40)
  private String campaignCode;

  @Column(length = TEXT_LENGTH) private String statistics;
  @Column(length = TEXT_LENGTH) private String goodPractices;
  @Column(length = TEXT_LENGTH) private String recommendations;
  @Column(length = ReportSection.MAX_LENGTH) private String conclusions;
  @Column(length = ReportSection.MAX_LENGTH) private String commendations;

  private Instant preparedAt;
  private Instant updatedAt;
  @Column(length = 64) private String updatedBy;

  protected ProvincialReport() {}

  ProvincialReport(String campaignCode) {
    this.campaignCode = campaignCode;
  }

  void prepared(String statistics, String goodPractices, String recommendations, Instant at) {
    this.statistics = statistics;
    this.goodPractices = goodPractices;
    this.recommendations = recommendations;
    this.preparedAt = at;
  }

  void written(String conclusions, String commendations, String userId, Instant at) {
    this.conclusions = conclusions;
    this.commendations = commendations;
    this.updatedBy = userId;
    this.updatedAt = at;
  }

  public String getCampaignCode() { return campaignCode; }
  public String getStatistics() { return statistics; }
  public String getGoodPractices() { return goodPractices; }
  public String getRecommendations() { return recommendations; }
  public String getConclusions() { return conclusions; }
  public String getCommendations() { return commendations; }
  public Instant getPreparedAt() { return preparedAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public String getUpdatedBy() { return updatedBy; }
}
