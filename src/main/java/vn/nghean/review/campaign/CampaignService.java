package vn.nghean.review.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.deadline.CampaignDeadlines;
import vn.nghean.review.deadline.UnitDeadlines;
import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.form.FormSchemas;
import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.unit.UnitRegistry;

/** Checks and records campaigns. */
@Service
@Transactional
public class CampaignService {

  private final CampaignRepository campaigns;
  private final UnitRegistry units;
  private final FormSchemas forms;

  public CampaignService(CampaignRepository campaigns, UnitRegistry units, FormSchemas forms) {
    this.campaigns = campaigns;
    this.units = units;
    this.forms = forms;
  }

  /**
   * Validates a start-form submission and records the campaign; refuses it whole, with every
   * problem in Vietnamese, when anything is wrong.
   */
  public CampaignPlan register(Map<String, Object> variables, String processInstanceId, String startedBy) {
    CampaignPlan plan = validate(variables);
    campaigns.save(new Campaign(plan, processInstanceId, startedBy, Instant.now()));
    return plan;
  }

  CampaignPlan validate(Map<String, Object> variables) {
    List<String> problems = new ArrayList<>(forms.problems(CampaignProcess.START_FORM, variables));
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
    List<String> unitCodes = unitCodes(variables.get(Var.PARTICIPATING_UNITS), problems);
    Map<String, Integer> ladder = ladderDays(variables);
    if (ladder.get(UnitDeadlines.SECOND_REMINDER_DAYS) >= ladder.get(UnitDeadlines.FIRST_REMINDER_DAYS)) {
      problems.add("nhắc hạn lần 2 phải gần hạn hơn nhắc hạn lần 1");
    }
    InvalidInputException.throwIfAny(problems);
    return new CampaignPlan(code, text(variables.get(Var.CAMPAIGN_TITLE)), text(variables.get(Var.REVIEW_PERIOD)),
        reportDeadline, cutoff, conferenceDeadline, unitCodes, ladder);
  }

  /** The ladder's durations in days, the design's defaults where the form left them out. */
  private static Map<String, Integer> ladderDays(Map<String, Object> variables) {
    Map<String, Integer> days = new LinkedHashMap<>();
    days.put(UnitDeadlines.FIRST_REMINDER_DAYS, UnitDeadlines.DEFAULT_FIRST_REMINDER_DAYS);
    days.put(UnitDeadlines.SECOND_REMINDER_DAYS, UnitDeadlines.DEFAULT_SECOND_REMINDER_DAYS);
    days.put(UnitDeadlines.ESCALATION_INTERVAL_DAYS, UnitDeadlines.DEFAULT_ESCALATION_INTERVAL_DAYS);
    days.put(UnitDeadlines.EVALUATION_DAYS, UnitDeadlines.DEFAULT_EVALUATION_DAYS);
    days.put(CampaignDeadlines.CONFERENCE_REMINDER_DAYS, CampaignDeadlines.DEFAULT_CONFERENCE_REMINDER_DAYS);
    days.replaceAll((name, fallback) -> {
      try {
        Object given = variables.get(name);
        return given == null || given.toString().isBlank() ? fallback
            : new java.math.BigDecimal(given.toString().strip()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        return fallback; // the form check reports it
      }
    });
    return days;
  }

  private List<String> unitCodes(Object given, List<String> problems) {
    if (given == null || (given instanceof String s && s.isBlank())) {
      return units.codes();
    }
    Collection<?> raw = given instanceof Collection<?> c ? c : List.of(given.toString().split("[,;\\s]+"));
    Set<String> codes = new LinkedHashSet<>();
    for (Object item : raw) {
      String code = item == null ? "" : item.toString().strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (units.find(code).isEmpty()) {
        problems.add("không có đơn vị mã " + code + " trong danh mục đơn vị");
      } else {
        codes.add(code);
      }
    }
    if (codes.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("không có đơn vị"))) {
      problems.add("phải có ít nhất một đơn vị tham gia");
    }
    return List.copyOf(codes);
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

  /** Every campaign, the most recently started first. */
  @Transactional(readOnly = true)
  public List<Campaign> all() {
    return campaigns.findAll(Sort.by(Sort.Direction.DESC, "startedAt"));
  }

  @Transactional(readOnly = true)
  public List<String> participants(String code) {
    return campaigns.findById(code).map(Campaign::unitCodeList)
        .orElseThrow(() -> new IllegalStateException("No campaign " + code));
  }

  /**
   * Counts one unit whose review has ended; true for exactly one unit of the campaign: the one that
   * makes the count reach the number of participating units.
   */
  public boolean unitClosed(String code) {
    if (campaigns.countClosedUnit(code) == 0) {
      return false;
    }
    UnitsClosed count = campaigns.unitsClosed(code);
    return count.closed() == count.total();
  }

  public void close(String code, Instant at) {
    campaigns.findById(code).ifPresent(c -> c.closed(at));
  }
}
