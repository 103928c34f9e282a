package vn.nghean.review.deadline;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.notification.Recipient;

/**
 * Records each reminder and escalation with the unit, and shows the latest in the variables Cockpit
 * displays ({@code lastDeadlineEvent}).
 */
@Service
@Transactional
public class DeadlineRecords {

  public static final String LAST_EVENT_VARIABLE = "lastDeadlineEvent";

  private final DeadlineEventRepository events;

  public DeadlineRecords(DeadlineEventRepository events) {
    this.events = events;
  }

  public DeadlineEvent record(VariableScope scope, String campaignCode, String unitCode, DeadlineKind kind, int level,
      Collection<Recipient> recipients, boolean skipped, String note) {
    String to = recipients.stream().map(r -> r.email() != null ? r.email() : r.userId()).filter(Objects::nonNull)
        .distinct().collect(Collectors.joining(", "));
    DeadlineEvent event = events.save(new DeadlineEvent(campaignCode, unitCode, kind, level, VietnamTime.nowInstant(),
        to.length() > 4000 ? to.substring(0, 3990) + "…" : to, skipped, note));
    if (scope != null) {
      String rung = level <= 0 ? "" : kind == DeadlineKind.REMINDER ? " (lần " + level + ")" : " (cấp " + level + ")";
      scope.setVariable(LAST_EVENT_VARIABLE, kind.label() + rung
          + (skipped ? " - bỏ qua vì đã qua thời điểm" : "") + " - " + VietnamTime.formatDayTime(VietnamTime.now()));
    }
    return event;
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
