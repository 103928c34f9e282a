package vn.nghean.review.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.nghean.review.form.FormSchemas;
import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.IssuingBody;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/** Checks and records campaigns. */
@Service
@Transactional
public class CampaignService {

  /** The timer of {@link #unitClosed}'s update, for Prometheus and the benchmark. */
  public static final String CLOSED_UNIT_UPDATE = "review.campaign.closed.unit.update";

  private final CampaignRepository campaigns;
  private final CampaignUnitRepository campaignUnits;
  private final UnitRegistry units;
  private final StartForm startForm;
  private final String province;
  private final Timer closedUnitUpdate;
  private final EntityManager entities;

  public CampaignService(CampaignRepository campaigns, CampaignUnitRepository campaignUnits, UnitRegistry units,
      FormSchemas forms, @Value("${review.documents.province:Nghệ An}") String province, MeterRegistry meters,
      EntityManager entities) {
    this.entities = entities;
    this.closedUnitUpdate = Timer.builder(CLOSED_UNIT_UPDATE)
        .description("The update of a campaign's row that counts a unit whose review ended, waiting for its"
            + " lock included: how long units ending together queue for the row")
        .register(meters);
    this.campaigns = campaigns;
    this.campaignUnits = campaignUnits;
    this.units = units;
    this.startForm = new StartForm(forms, campaigns, units);
    this.province = province;
  }

  /**
   * Validates a start-form submission and records the campaign; refuses it whole, with every
   * problem in Vietnamese, when anything is wrong.
   */
  public CampaignPlan register(Map<String, Object> variables, String processInstanceId, String startedBy) {
    List<String> problems = new ArrayList<>();
    CampaignPlan plan = startForm.plan(variables, problems);
    InvalidInputException.throwIfAny(problems);
    // New rows, persisted: a repository's save() of an entity whose key is assigned merges it, which
    // first asks the database for the row, one select per unit (10,000 for a national campaign). The
    // start form refused a code already taken; the inserts go at the flush, in JDBC batches.
    entities.persist(new Campaign(plan, processInstanceId, startedBy, VietnamTime.nowInstant()));
    int ordinal = 0;
    for (String code : plan.unitCodes()) {
      Unit unit = units.get(code);
      entities.persist(new CampaignUnit(plan.code(), ordinal++, unit, IssuingBody.of(unit.kind(), unit.name(), province)));
    }
    return plan;
  }

  /**
   * The started instance of a campaign recorded just before it started ({@link CampaignStarted#record}):
   * the record, for the instance's display variables.
   */
  public Campaign attach(String code, String processInstanceId) {
    Campaign campaign = code == null ? null : campaigns.findById(code).orElse(null);
    if (campaign == null) {
      throw new IllegalStateException("No campaign recorded before the start of " + processInstanceId
          + " (business key " + code + "): campaigns start through their start form");
    }
    campaign.startedAs(processInstanceId);
    return campaigns.save(campaign);
  }

  /**
   * What is wrong with a start-form submission, in Vietnamese; empty when the campaign may start.
   * Reads only, and refuses nothing itself: the caller decides (the start is judged before it runs).
   */
  @Transactional(readOnly = true)
  public List<String> startProblems(Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    startForm.plan(variables, problems);
    return problems;
  }

  @Transactional(readOnly = true)
  public Optional<Campaign> find(String code) {
    return campaigns.findById(code);
  }

  /** The campaign, which the caller knows exists (it is the business key of a running process). */
  @Transactional(readOnly = true)
  public Campaign get(String code) {
    return campaigns.findById(code).orElseThrow(() -> new IllegalStateException("No campaign " + code));
  }

  /** Every campaign, the most recently started first. */
  @Transactional(readOnly = true)
  public List<Campaign> all() {
    return campaigns.findAll(Sort.by(Sort.Direction.DESC, "startedAt"));
  }

  /** The codes of the participating units, in the campaign's order. */
  @Transactional(readOnly = true)
  public List<String> participants(String code) {
    return campaignUnits.codes(code);
  }

  /** The codes of one page of participants: batch {@code number} of {@code size} units. */
  @Transactional(readOnly = true)
  public List<String> participants(String code, int number, int size) {
    return campaignUnits.codes(code, PageRequest.of(number, size));
  }

  /** The participating units as they were when the campaign started. */
  @Transactional(readOnly = true)
  public List<CampaignUnit> units(String code) {
    return campaignUnits.findByCampaignCodeOrderByOrdinal(code);
  }

  /** The unit as it was when the campaign started, if it takes part. */
  @Transactional(readOnly = true)
  public Optional<CampaignUnit> unit(String code, String unitCode) {
    return campaignUnits.findById(new CampaignUnit.Key(code, unitCode));
  }

  /**
   * Counts one unit whose review has ended; true for exactly one unit of the campaign, the one whose
   * end makes the count reach the number of participating units. One atomic update of the campaign's
   * row: units ending at the same moment wait for each other's lock, so the caller takes it as late
   * as it can, just before its transaction commits ({@code unitreview.UnitReviewClosed}).
   */
  public boolean unitClosed(String code) {
    // The step's own changes first: Hibernate flushes before a bulk update only the entities of the
    // tables it touches, so they would otherwise be written at the commit, with the row held. Flushed
    // here, the row is held for its update and the commit alone, and so is the timer.
    entities.flush();
    Integer counted = closedUnitUpdate.record(() -> campaigns.countClosedUnit(code));
    return counted > 0 && campaigns.closedMinusTotal(code) == 0;
  }

  public void close(String code, Instant at) {
    campaigns.findById(code).ifPresent(c -> c.closed(at));
  }
}
