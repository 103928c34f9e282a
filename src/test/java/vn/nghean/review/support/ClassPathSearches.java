package vn.nghean.review.support;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * How often a piece of work asks the class path for a resource (a service file, {@code mime.types}):
 * each such search opens every jar of the application. Counted through the thread's context class
 * loader, which the JDK's and Jakarta's factory look-ups ask first.
 */
public final class ClassPathSearches {

  /** Work that may throw. */
  public interface Work<T> {
    T run() throws Exception;
  }

  /** The work's result and the searches it made. */
  public record Counted<T>(T result, int searches) {}

  private ClassPathSearches() {}

  /**
   * Runs {@code warmUp} and then {@code work} with a context class loader that counts the searches for
   * the resources {@code counted} names, and returns those of {@code work}: what a loader caches the
   * first time it is asked (Jakarta Activation's command map, one per context class loader) is left
   * to the warm-up.
   */
  public static <T> Counted<T> count(Predicate<String> counted, Work<?> warmUp, Work<T> work) throws Exception {
    AtomicInteger searches = new AtomicInteger();
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        count(name);
        return super.getResources(name);
      }

      @Override
      public URL getResource(String name) {
        count(name);
        return super.getResource(name);
      }

      private void count(String name) {
        if (counted.test(name)) {
          searches.incrementAndGet();
        }
      }
    });
    try {
      warmUp.run();
      searches.set(0);
      T result = work.run();
      return new Counted<>(result, searches.get());
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  /** The work alone, without a warm-up. */
  public static int count(Predicate<String> counted, Work<?> work) throws Exception {
    return count(counted, () -> null, work).searches();
  }
}
