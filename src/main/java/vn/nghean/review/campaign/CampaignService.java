package vn.nghean.review.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
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
  private final FormSchemas forms;
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
    this.forms = forms;
    this.province = province;
  }

  /**
   * Validates a start-form submission and records the campaign; refuses it whole, with every
   * problem in Vietnamese, when anything is wrong.
   */
  public CampaignPlan register(Map<String, Object> variables, String processInstanceId, String startedBy) {
    List<String> problems = new ArrayList<>();
    CampaignPlan plan = plan(variables, problems);
    InvalidInputException.throwIfAny(problems);
    campaigns.save(new Campaign(plan, processInstanceId, startedBy, VietnamTime.nowInstant()));
    List<CampaignUnit> participants = new ArrayList<>(plan.unitCodes().size());
    for (String code : plan.unitCodes()) {
      Unit unit = units.get(code);
      participants.add(new CampaignUnit(plan.code(), participants.size(), unit,
          IssuingBody.of(unit.kind(), unit.name(), province)));
    }
    campaignUnits.saveAll(participants);
    return plan;
  }

  /**
   * The started instance of a campaign recorded just before it started ({@link CampaignStarted#record});
   * the plan as recorded, for the instance's display variables.
   */
  public CampaignPlan attach(String code, String processInstanceId) {
    Campaign campaign = code == null ? null : campaigns.findById(code).orElse(null);
    if (campaign == null) {
      throw new IllegalStateException("No campaign recorded before the start of " + processInstanceId
          + " (business key " + code + "): campaigns start through their start form");
    }
    campaign.startedAs(processInstanceId);
    campaigns.save(campaign);
    return new CampaignPlan(campaign.getCode(), campaign.getTitle(), campaign.getPeriod(),
        java.util.Date.from(campaign.getReportDeadline()), java.util.Date.from(campaign.getSynthesisCutoff()),
        java.util.Date.from(campaign.getConferenceDeadline()), participants(code), campaign.getLadder());
  }

  /**
   * What is wrong with a start-form submission, in Vietnamese; empty when the campaign may start.
   * Reads only, and refuses nothing itself: the caller decides (the start is judged before it runs).
   */
  @Transactional(readOnly = true)
  public List<String> startProblems(Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    plan(variables, problems);
    return problems;
  }

  /** The plan a submission describes, its problems added to {@code problems}. */
  private CampaignPlan plan(Map<String, Object> variables, List<String> problems) {
    problems.addAll(forms.problems(CampaignProcess.START_FORM, variables));
    String code = text(variables.get(Var.CAMPAIGN_CODE));
    if (code != null && campaigns.existsById(code)) {
      problems.add("mã đợt sơ kết " + code + " đã được sử dụng");
    }
    Date reportDeadline = date(variables.get(Var.REPORT_DEADLINE));
    Date cutoff = date(variables.get(Var.SYNTHESIS_CUTOFF));
    Date conferenceDeadline = date(variables.get(Var.CONFERENCE_DEADLINE));
    if (cutoff == null && reportDeadline != null) {
      cutoff = VietnamTime.plusDays(reportDeadline, CampaignProcess.DEFAULT_CUTOFF_DAYS);
    }
    if (reportDeadline != null && cutoff != null && !cutoff.after(reportDeadline)) {
      problems.add("hạn chốt tổng hợp (" + VietnamTime.formatDay(cutoff)
          + ") phải sau hạn gửi báo cáo (" + VietnamTime.formatDay(reportDeadline) + ")");
    }
    if (cutoff != null && conferenceDeadline != null && !conferenceDeadline.after(cutoff)) {
      problems.add("hạn hoàn thành hội nghị (" + VietnamTime.formatDay(conferenceDeadline)
          + ") phải sau hạn chốt tổng hợp (" + VietnamTime.formatDay(cutoff) + ")");
    }
    Date participantsOn = date(variables.get(Var.PARTICIPANTS_ON));
    java.time.LocalDate registryDay = participantsOn == null ? VietnamTime.today()
        : VietnamTime.zoned(participantsOn).toLocalDate();
    List<String> unitCodes = unitCodes(variables.get(Var.PARTICIPATING_UNITS), registryDay, problems);
    int first = days(variables, Var.FIRST_REMINDER_DAYS, Ladder.DEFAULT.firstReminderDays(), problems);
    int second = days(variables, Var.SECOND_REMINDER_DAYS, Ladder.DEFAULT.secondReminderDays(), problems);
    int escalation = days(variables, Var.ESCALATION_INTERVAL_DAYS, Ladder.DEFAULT.escalationIntervalDays(), problems);
    int evaluation = days(variables, Var.EVALUATION_DAYS, Ladder.DEFAULT.evaluationDays(), problems);
    int conference = days(variables, Var.CONFERENCE_REMINDER_DAYS, Ladder.DEFAULT.conferenceReminderDays(), problems);
    if (second >= first) {
      problems.add("nhắc hạn lần 2 phải gần hạn hơn nhắc hạn lần 1");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new CampaignPlan(code, text(variables.get(Var.CAMPAIGN_TITLE)), text(variables.get(Var.REVIEW_PERIOD)),
        reportDeadline, cutoff, conferenceDeadline, unitCodes,
        new Ladder(first, second, escalation, evaluation, conference));
  }

  /**
   * One duration of the ladder in whole days, the design's default where the form left it out. The
   * form's rules (at least 1) are checked with the rest of the form; whole days are checked here,
   * and {@link Ladder} and the database refuse anything below one day whatever the path.
   */
  private int days(Map<String, Object> variables, String name, int fallback, List<String> problems) {
    Object given = variables.get(name);
    if (given == null || given.toString().isBlank()) {
      return fallback;
    }
    try {
      int days = new java.math.BigDecimal(given.toString().strip()).intValueExact();
      return days >= 1 ? days : fallback; // below 1: the form's rule reports it
    } catch (ArithmeticException e) {
      problems.add("«" + forms.label(CampaignProcess.START_FORM, name) + "» phải là số ngày nguyên");
    } catch (NumberFormatException e) {
      // not a number: the form's rule reports it
    }
    return fallback;
  }

  /**
   * The participants: those the form names, each of which must exist on the registry day, or every
   * unit that exists on that day (the start day unless the form gives another).
   */
  private List<String> unitCodes(Object given, java.time.LocalDate day, List<String> problems) {
    if (given == null || (given instanceof String s && s.isBlank())) {
      List<String> existing = units.on(day).stream().map(Unit::code).toList();
      if (existing.isEmpty()) {
        problems.add("danh mục không có đơn vị nào tồn tại vào ngày " + VietnamTime.formatDay(day));
      }
      return existing;
    }
    Collection<?> raw = given instanceof Collection<?> c ? c : List.of(given.toString().split("[,;\\s]+"));
    Set<String> codes = new LinkedHashSet<>();
    boolean unknown = false;
    for (Object item : raw) {
      String code = item == null ? "" : item.toString().strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      Optional<Unit> unit = units.find(code);
      if (unit.isEmpty()) {
        unknown = true;
        problems.add("không có đơn vị mã " + code + " trong danh mục đơn vị");
      } else if (!unit.get().existsOn(day)) {
        unknown = true;
        problems.add(absent(unit.get(), day));
      } else {
        codes.add(code);
      }
    }
    if (codes.isEmpty() && !unknown) {
      problems.add("phải có ít nhất một đơn vị tham gia");
    }
    return List.copyOf(codes);
  }

  /** "UBND huyện Anh Sơn (ANHSON) chỉ tồn tại đến hết 30/06/2025 ...": said so that the right code is found. */
  private static String absent(Unit unit, java.time.LocalDate day) {
    String period = unit.validTo() != null && day.isAfter(unit.validTo())
        ? "chỉ tồn tại đến hết ngày " + VietnamTime.formatDay(unit.validTo())
        : "chỉ tồn tại từ ngày " + VietnamTime.formatDay(unit.validFrom());
    return unit.name() + " (mã " + unit.code() + ") " + period + ", không tham gia đợt sơ kết theo danh mục ngày "
        + VietnamTime.formatDay(day) + "; kiểm tra lại mã đơn vị";
  }

  /** The date, or null when missing or invalid: the form check has already reported those. */
  private static Date date(Object value) {
    try {
      return VietnamTime.parse(value).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
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
