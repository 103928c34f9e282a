package vn.nghean.review.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import vn.nghean.review.shared.VietnamTime;

/**
 * The engine's clock as a {@link Clock}, for the application's own code: due dates, deadlines and
 * the times it records all read the clock the engine's timers read, so that a test that moves the
 * engine's clock moves everything. Made the application's clock ({@link VietnamTime}) when created.
 */
@Component
public class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(VietnamTime.ZONE);
    VietnamTime.useClock(this);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new EngineClock(other);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
