package vn.nghean.review.campaign;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import vn.nghean.review.unit.UnitKind;

/**
 * One participating unit of a campaign, as it was when the campaign started: its name and kind are
 * taken with the campaign, so that a later edition of the registry never rewrites an old campaign.
 */
@Entity
@Table(name = "campaign_unit")
@IdClass(CampaignUnit.Key.class)
public class CampaignUnit {

  @Id
  @Column(name = "campaign_code", length = 40)
  private String campaignCode;

  @Id
  @Column(name = "unit_code", length = 20)
  private String unitCode;

  /** The unit's place in the campaign's list (registry order). */
  @Column(nullable = false)
  private int ordinal;

  @Column(name = "unit_name", nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private UnitKind kind;

  protected CampaignUnit() {}

  CampaignUnit(String campaignCode, int ordinal, String unitCode, String name, UnitKind kind) {
    this.campaignCode = campaignCode;
    this.ordinal = ordinal;
    this.unitCode = unitCode;
    this.name = name;
    this.kind = kind;
  }

  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public int getOrdinal() { return ordinal; }
  public String getName() { return name; }
  public UnitKind getKind() { return kind; }

  /** The composite key: campaign and unit. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private String campaignCode;
    private String unitCode;

    protected Key() {}

    public Key(String campaignCode, String unitCode) {
      this.campaignCode = campaignCode;
      this.unitCode = unitCode;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && campaignCode.equals(key.campaignCode) && unitCode.equals(key.unitCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(campaignCode, unitCode);
    }
  }
}
