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

import vn.nghean.review.unit.IssuingBody;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitKind;

/**
 * One participating unit of a campaign, as it was when the campaign started: its name, kind,
 * issuing body and national code are taken with the campaign, so that a later edition of the
 * registry (a merger, a renamed department) never rewrites an old campaign's documents, progress
 * view, map or mails.
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

  @Column(name = "superior_body", length = 200)
  private String superiorBody;

  @Column(name = "issuing_body", length = 300)
  private String issuingBody;

  @Column(name = "document_symbol", length = 20)
  private String documentSymbol;

  @Column(length = 100)
  private String place;

  /** The national administrative-unit code of a commune, which its shape on the map is keyed by. */
  @Column(name = "gso_code", length = 10)
  private String gsoCode;

  protected CampaignUnit() {}

  CampaignUnit(String campaignCode, int ordinal, Unit unit, IssuingBody body) {
    this.campaignCode = campaignCode;
    this.ordinal = ordinal;
    this.unitCode = unit.code();
    this.name = unit.name();
    this.kind = unit.kind();
    this.superiorBody = body.superior();
    this.issuingBody = body.body();
    this.documentSymbol = body.symbol();
    this.place = body.place();
    this.gsoCode = unit.gsoCode();
  }

  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public int getOrdinal() { return ordinal; }
  public String getName() { return name; }
  public UnitKind getKind() { return kind; }
  public String getGsoCode() { return gsoCode; }

  /** The issuing body as the campaign took it when it started. */
  public IssuingBody getIssuingBody() {
    return new IssuingBody(superiorBody, issuingBody, documentSymbol, place);
  }

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
