package vn.nghean.review.campaign;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.nghean.review.form.FormSchemas;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/**
 * The campaign's start form read into a plan ({@link CampaignPlan}): the form's own rules
 * ({@code processes/forms/campaign-start.form}), then what the form cannot say (a code used before, dates in
 * order, units that exist on the registry's day, whole days for the ladder), every problem in
 * Vietnamese. Reads only; {@link CampaignService} records the plan.
 */
final class StartForm {

  private final FormSchemas forms;
  private final CampaignRepository campaigns;
  private final UnitRegistry units;

  StartForm(FormSchemas forms, CampaignRepository campaigns, UnitRegistry units) {
    this.forms = forms;
    this.campaigns = campaigns;
    this.units = units;
  }

  /** The plan a submission describes, its problems added to {@code problems}. */
  CampaignPlan plan(Map<String, Object> variables, List<String> problems) {
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
}
