package vn.nghean.review.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that the process itself makes (creating grants, finding whom to notify) without
 * the authorization checks of the user whose step triggered them.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {}

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
}
