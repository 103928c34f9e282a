package vn.nghean.review.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that the process or the application itself makes (creating grants, finding
 * whom to notify, correlating a checked request) without the authorization checks of the user
 * whose step or request triggered them: the one way to do so, inside a command or outside one.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {}

  /** Inside an engine command (a delegate, a listener): that command's checks are off for the work. */
  public static <T> T call(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    return context == null ? work.get() : context.runWithoutAuthorization(work::get);
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Anywhere, a request's thread included: outside a command, the caller's authentication is set
   * aside for the work and given back after it, whatever happens.
   */
  public static <T> T call(IdentityService identity, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return call(work);
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
