package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.ws.rs.core.Response.Status;
import vn.nghean.review.engine.InvalidInputException;

/**
 * How a person's submission is carried out: judged in its command, refused outside it (one WARN
 * line, a 400 with the Vietnamese reasons), and run again when it collided with a timer or another
 * step on the same record, so that an officer's submission racing its own deadline timer succeeds
 * rather than failing with ENGINE-03005.
 */
final class Submissions {

  private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);
  /** A collision lasts as long as the other transaction; a few tries outlast any of ours. */
  static final int ATTEMPTS = 5;

  private Submissions() {}

  /** Runs a judged command, retrying collisions; throws {@link InvalidInputException} when it was refused. */
  static <T, C extends Command<T> & Judged> T judged(CommandExecutor executor, String what, Supplier<C> command) {
    return retryingCollisions(what, () -> {
      C judged = command.get();
      T result = executor.execute(judged);
      refuseIfAny(what, judged.problems());
      return result;
    });
  }

  static void refuseIfAny(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      InvalidInputException refusal = new InvalidInputException(problems);
      LOG.warn("Refused {}: {}", what, refusal.getMessage());
      throw refusal;
    }
  }

  /**
   * Runs {@code work} again when it collided with a concurrent change (the engine's optimistic lock,
   * or the application's row versions). Only where it owns its transaction: inside a caller's
   * transaction a retry cannot undo what the caller did, so the collision goes to the caller.
   */
  static <T> T retryingCollisions(String what, Supplier<T> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return work.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException failure) {
        if (!isCollision(failure)) {
          throw failure;
        }
        if (attempt == ATTEMPTS) {
          LOG.warn("{} collided {} times with concurrent changes; the user is asked to try again", what, attempt);
          throw new RestException(Status.CONFLICT, failure,
              "Hồ sơ này vừa được cập nhật cùng lúc ở một bước khác. Xin bấm lại để gửi.");
        }
        LOG.debug("{} collided with a concurrent change (attempt {}); running it again", what, attempt);
        pause(attempt);
      }
    }
  }

  /** The engine's optimistic lock or a row version of ours, however deep the engine wrapped it. */
  static boolean isCollision(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
