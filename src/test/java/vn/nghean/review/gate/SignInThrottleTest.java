package vn.nghean.review.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The throttle's arithmetic, on a clock the test moves: no engine, no server. */
class SignInThrottleTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T08:00:00Z"));
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(5), 3, Duration.ofMinutes(1),
      Duration.ofMinutes(15), meters, now::get);

  void later(Duration duration) {
    now.set(now.get().plus(duration));
  }

  @Test
  void shouldHoldBackTheAddressThatGuessesAnAccountButNotTheAccountsOwner() {
    for (int i = 0; i < 3; i++) {
      throttle.check("thaihoalead", "10.0.0.66");
      throttle.failed("thaihoalead", "10.0.0.66");
    }
    assertThatThrownBy(() -> throttle.check("thaihoalead", "10.0.0.66")).isInstanceOf(SignInThrottle.Throttled.class)
        .satisfies(e -> assertThat(((SignInThrottle.Throttled) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    // The leader's own machine is not held back.
    throttle.check("thaihoalead", "10.0.0.7");
    // Each further wrong password doubles the wait, up to a minute, never more.
    for (int i = 0; i < 12; i++) {
      later(Duration.ofMinutes(2));
      throttle.check("thaihoalead", "10.0.0.66");
      throttle.failed("thaihoalead", "10.0.0.66");
    }
    assertThatThrownBy(() -> throttle.check("thaihoalead", "10.0.0.66"))
        .satisfies(e -> assertThat(((SignInThrottle.Throttled) e).retryAfter()).isEqualTo(Duration.ofMinutes(1)));
    later(Duration.ofMinutes(1));
    throttle.check("thaihoalead", "10.0.0.66");
    assertThat(meters.get("review.sign_in.accounts_under_attack").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("review.sign_in.failures").counter().count()).isEqualTo(15.0);
  }

  @Test
  void shouldHoldBackAnAddressThatTriesManyAccountsUpToFiveMinutes() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user" + i, "10.0.0.99");
    }
    assertThatThrownBy(() -> throttle.check("someoneelse", "10.0.0.99")).isInstanceOf(SignInThrottle.Throttled.class);
    for (int i = 0; i < 20; i++) {
      later(Duration.ofMinutes(6));
      throttle.failed("user" + i, "10.0.0.99");
    }
    assertThatThrownBy(() -> throttle.check("someoneelse", "10.0.0.99"))
        .satisfies(e -> assertThat(((SignInThrottle.Throttled) e).retryAfter()).isEqualTo(Duration.ofMinutes(5)));
    throttle.check("someoneelse", "10.0.0.1");
    assertThat(meters.get("review.sign_in.throttled").tag("by", "address").counter().count()).isEqualTo(2.0);
  }

  @Test
  void shouldForgetTheSuspicionOnceTheRightPasswordComesFromThatAddress() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("vinhofficer", "10.0.0.5");
    }
    later(Duration.ofSeconds(2));
    throttle.check("VinhOfficer", "10.0.0.5");
    throttle.succeeded("vinhofficer", "10.0.0.5");
    // Someone else now guesses the same account: they wait, the officer who signed in does not.
    throttle.failed("vinhofficer", "10.0.0.66");
    assertThatThrownBy(() -> throttle.check("vinhofficer", "10.0.0.66")).isInstanceOf(SignInThrottle.Throttled.class);
    throttle.check("vinhofficer", "10.0.0.5");
  }
}
