package vn.nghean.review.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Slows down whoever sends wrong passwords, and never locks a person out (design section 9). Every
 * sign-in, HTTP Basic or the webapps' page, asks it first and tells it the outcome.
 * <ul>
 * <li><b>By source address</b>: after {@code address-free} wrong passwords from one address (any
 * accounts), each further attempt from it waits 1 s, 2 s, 4 s... up to {@code address-cap}.
 * <li><b>Per account</b>: after {@code account-free} wrong passwords for one account, an address that
 * has sent a wrong one for it waits 1 s, 2 s, 4 s... up to {@code account-cap} before it may try that
 * account again. An address that has not failed on the account is not held back, so the person
 * signs in from their own machine at once while someone else guesses.
 * </ul>
 * A throttled attempt is answered 429 without its password being checked, so it counts for nothing.
 * The engine's own lock, which a stranger could turn against a person for good, is off
 * ({@code login-max-attempts}, {@code login-delay-max-time} in application.yaml). Counts are kept in
 * memory, per node, and forgotten {@code window} after an account's or address's last failure.
 */
@Component
public class SignInThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  /** More accounts or addresses than this at once are forgotten oldest first; memory stays bounded. */
  private static final int MAX_KEYS = 100_000;

  private final int addressFree;
  private final Duration addressCap;
  private final int accountFree;
  private final Duration accountCap;
  private final Supplier<Instant> clock;
  private final Cache<String, Failures> byAddress;
  private final Cache<String, Failures> byAccount;
  /** Account and address pairs with a wrong password: the addresses an account's delay applies to. */
  private final Cache<String, Boolean> suspects;
  private final Counter failures;
  private final Counter throttledByAddress;
  private final Counter throttledByAccount;

  @org.springframework.beans.factory.annotation.Autowired
  public SignInThrottle(@Value("${review.sign-in.address-free:10}") int addressFree,
      @Value("${review.sign-in.address-cap:PT5M}") Duration addressCap,
      @Value("${review.sign-in.account-free:3}") int accountFree,
      @Value("${review.sign-in.account-cap:PT1M}") Duration accountCap,
      @Value("${review.sign-in.window:PT15M}") Duration window, MeterRegistry meters) {
    this(addressFree, addressCap, accountFree, accountCap, window, meters, Instant::now);
  }

  SignInThrottle(int addressFree, Duration addressCap, int accountFree, Duration accountCap, Duration window,
      MeterRegistry meters, Supplier<Instant> clock) {
    this.addressFree = addressFree;
    this.addressCap = addressCap;
    this.accountFree = accountFree;
    this.accountCap = accountCap;
    this.clock = clock;
    this.byAddress = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_KEYS).build();
    this.byAccount = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_KEYS).build();
    this.suspects = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_KEYS).build();
    this.failures = Counter.builder("review.sign_in.failures").description("Wrong passwords, every way of signing in")
        .register(meters);
    this.throttledByAddress = Counter.builder("review.sign_in.throttled").tag("by", "address")
        .description("Sign-in attempts answered 429 without a check").register(meters);
    this.throttledByAccount = Counter.builder("review.sign_in.throttled").tag("by", "account")
        .description("Sign-in attempts answered 429 without a check").register(meters);
    Gauge.builder("review.sign_in.accounts_under_attack", this, SignInThrottle::accountsUnderAttack)
        .description("Accounts with more wrong passwords than a person makes, in the window").register(meters);
  }

  /** A sign-in attempt throttled: answered 429, its password not checked. */
  public static final class Throttled extends AuthenticationException {

    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("Sign-in throttled for " + retryAfter);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Throws {@link Throttled} when this address must wait before it tries this account again. */
  public void check(String account, String address) {
    Optional<Duration> wait = waitFor(normal(account), address);
    if (wait.isPresent()) {
      throw new Throttled(wait.get());
    }
  }

  Optional<Duration> waitFor(String account, String address) {
    Instant now = clock.get();
    Failures fromAddress = byAddress.getIfPresent(address);
    Duration addressWait = fromAddress == null ? Duration.ZERO : fromAddress.waitAfter(addressFree, addressCap, now);
    Failures onAccount = suspects.getIfPresent(pair(account, address)) == null ? null : byAccount.getIfPresent(account);
    Duration accountWait = onAccount == null ? Duration.ZERO : onAccount.waitAfter(accountFree, accountCap, now);
    if (addressWait.isZero() && accountWait.isZero()) {
      return Optional.empty();
    }
    if (addressWait.compareTo(accountWait) >= 0) {
      throttledByAddress.increment();
      return Optional.of(addressWait);
    }
    throttledByAccount.increment();
    return Optional.of(accountWait);
  }

  /** A wrong password (or an unknown account) from this address. */
  public void failed(String account, String address) {
    String key = normal(account);
    Instant now = clock.get();
    failures.increment();
    Failures fromAddress = byAddress.asMap().merge(address, new Failures(1, now), Failures::plus);
    Failures onAccount = byAccount.asMap().merge(key, new Failures(1, now), Failures::plus);
    suspects.put(pair(key, address), Boolean.TRUE);
    if (onAccount.count() == accountFree) {
      LOG.warn("Sign-in: account '{}' has had {} wrong passwords within the window, the last from {}; addresses that "
          + "sent them now wait before each new attempt", key, onAccount.count(), address);
    }
    if (fromAddress.count() == addressFree) {
      LOG.warn("Sign-in: address {} has sent {} wrong passwords within the window; it now waits before each attempt",
          address, fromAddress.count());
    }
  }

  /** A right password: the address is no longer suspected for this account. */
  public void succeeded(String account, String address) {
    suspects.invalidate(pair(normal(account), address));
  }

  private double accountsUnderAttack() {
    return byAccount.asMap().values().stream().filter(f -> f.count() >= accountFree).count();
  }

  private static String normal(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }

  private static String pair(String account, String address) {
    return account + '\n' + address;
  }

  /** Failures counted and the time of the last one. */
  record Failures(int count, Instant last) {

    Failures plus(Failures other) {
      return new Failures(count + other.count, other.last);
    }

    /** How long from now before the next attempt, once more than {@code free} have failed. */
    Duration waitAfter(int free, Duration cap, Instant now) {
      if (count < free) {
        return Duration.ZERO;
      }
      int doublings = Math.min(count - free, 30);
      Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
      Instant until = last.plus(delay.compareTo(cap) > 0 ? cap : delay);
      return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }
  }
}
