package vn.nghean.review.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.identity.Role;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.shared.VietnamTime;

/**
 * Records each reminder and escalation with the unit, and shows the latest in the variables Cockpit
 * displays ({@code lastDeadlineEvent}).
 */
@Service
@Transactional
public class DeadlineRecords {

  private final DeadlineEventRepository events;

  public DeadlineRecords(DeadlineEventRepository events) {
    this.events = events;
  }

  /** A rung of the ladder: who was told, by role; shown in Cockpit when {@code scope} is given. */
  public DeadlineEvent record(VariableScope scope, String campaignCode, String unitCode, DeadlineKind kind, int level,
      Collection<Role> to, boolean skipped, String note) {
    String roles = to.stream().map(Role::label).distinct().collect(Collectors.joining(", "));
    DeadlineEvent event = events.save(new DeadlineEvent(campaignCode, unitCode, kind, level, VietnamTime.nowInstant(),
        roles.isEmpty() ? null : roles, skipped, null, null, note));
    show(scope, event);
    return event;
  }

  /** A person's act on the unit's record: an explanation asked for, or given (with the date promised). */
  public DeadlineEvent recordAct(VariableScope scope, String campaignCode, String unitCode, DeadlineKind kind,
      String actor, Instant committedDate, String note) {
    DeadlineEvent event = events.save(new DeadlineEvent(campaignCode, unitCode, kind, 0, VietnamTime.nowInstant(),
        null, false, actor, committedDate, note));
    show(scope, event);
    return event;
  }

  private static void show(VariableScope scope, DeadlineEvent event) {
    boolean skipped = event.isSkipped();
    int level = event.getLevel();
    DeadlineKind kind = event.getKind();
    if (scope != null) {
      // A reminder says which; a rung whose name holds its level ("Đôn đốc cấp 2") does not say it twice.
      String rung = level <= 0 || kind.label().contains("cấp " + level) ? ""
          : kind == DeadlineKind.REMINDER ? " (lần " + level + ")" : " (cấp " + level + ")";
      scope.setVariable(UnitReviewProcess.Var.LAST_DEADLINE_EVENT, kind.label() + rung
          + (skipped ? " - bỏ qua vì đã qua thời điểm" : "") + " - " + VietnamTime.formatDayTime(VietnamTime.now()));
    }
  }

  /** How many reminders and escalations each unit of a campaign was sent, by kind. */
  @Transactional(readOnly = true)
  public Map<String, Map<DeadlineKind, Long>> sentPerUnit(String campaignCode) {
    Map<String, Map<DeadlineKind, Long>> counts = new HashMap<>();
    for (Object[] row : events.countSentByUnitAndKind(campaignCode)) {
      counts.computeIfAbsent((String) row[0], unit -> new EnumMap<>(DeadlineKind.class))
          .put((DeadlineKind) row[1], (Long) row[2]);
    }
    return counts;
  }

  @Transactional(readOnly = true)
  public List<DeadlineEvent> ofUnit(String campaignCode, String unitCode) {
    return events.findByCampaignCodeAndUnitCodeOrderByOccurredAtAscIdAsc(campaignCode, unitCode);
  }
}
