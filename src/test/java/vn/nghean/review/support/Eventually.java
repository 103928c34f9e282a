package vn.nghean.review.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for what runs on its own (the job executor, the outbox, another node, a browser): the one
 * way tests wait, on Awaitility. A wait that runs out fails with what it waited for.
 */
public final class Eventually {

  static final Duration POLL = Duration.ofMillis(100);

  private Eventually() {}

  /** Waits until the condition holds; fails after {@code timeout} saying what it waited for. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, POLL, condition);
  }

  public static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
    try {
      Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(poll)
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
    }
  }

  /** Waits until {@code value} gives what {@code done} accepts, and returns that value. */
  public static <T> T value(String what, Duration timeout, Callable<T> value, Predicate<T> done) {
    try {
      return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
          .until(value, done::test);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
    }
  }
}
