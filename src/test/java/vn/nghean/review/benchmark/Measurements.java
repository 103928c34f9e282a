package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Peak heap, latency percentiles, and the table the benchmark writes to target/bench/results.md. */
final class Measurements {

  static final Path RESULTS = Path.of("target", "bench", "results.md");

  private Measurements() {}

  /** Calls {@code sample} every {@code periodMillis} on a daemon thread of its own, until closed. */
  static final class Sampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(String name, long periodMillis, Runnable sample) {
      thread = new Thread(() -> {
        while (running) {
          sample.run();
          try {
            Thread.sleep(periodMillis);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, name);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }

  /**
   * Samples the used heap every 50 ms while it runs; {@link #peakMiB()} is the highest seen, garbage
   * included; {@link #peakLiveMiB()} the highest the heap held just after a collection (each pool's
   * usage as its last collection left it), what the application needs, the garbage not counted.
   */
  static final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
        .stream().filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
            && pool.isCollectionUsageThresholdSupported()).toList();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Sampler sampler = new Sampler("heap-sampler", 50, this::sample);

    private void sample() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      long live = 0;
      for (java.lang.management.MemoryPoolMXBean pool : pools) {
        java.lang.management.MemoryUsage afterCollection = pool.getCollectionUsage();
        live += afterCollection == null ? 0 : afterCollection.getUsed();
      }
      peakLive.accumulateAndGet(live, Math::max);
    }

    long peakMiB() {
      sample();
      return peak.get() / (1024 * 1024);
    }

    long peakLiveMiB() {
      sample();
      return peakLive.get() / (1024 * 1024);
    }

    @Override
    public void close() {
      sampler.close();
    }
  }

  /**
   * The campaign's row while units end (issue 19): the application's timer of the update that counts a
   * unit, lock wait included ({@code CampaignService.CLOSED_UNIT_UPDATE}), between open and close. Its
   * maximum decays after two minutes, so it is sampled every 200 ms and the highest kept.
   */
  static final class RowWait implements AutoCloseable {
    private final io.micrometer.core.instrument.Timer timer;
    private final long count;
    private final double totalMillis;
    private final long begin = System.nanoTime();
    private final java.util.concurrent.atomic.DoubleAccumulator max =
        new java.util.concurrent.atomic.DoubleAccumulator(Math::max, 0);
    private final Sampler sampler;

    RowWait(io.micrometer.core.instrument.Timer timer) {
      this.timer = timer;
      this.count = timer.count();
      this.totalMillis = timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
      this.sampler = new Sampler("row-wait-sampler", 200, this::sample);
    }

    private void sample() {
      max.accumulate(timer.max(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /** A line of the table: units counted, mean and highest update (ms), and their sum against the time. */
    String line(String database, int units) {
      sample();
      long counted = timer.count() - count;
      double total = timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - totalMillis;
      double elapsed = (System.nanoTime() - begin) / 1e6;
      return "| " + database + " | " + units + " | " + counted + " | " + f2(counted == 0 ? 0 : total / counted)
          + " | " + f1(max.get()) + " | " + f1(total / 1000) + " s of " + f1(elapsed / 1000) + " s ("
          + f1(100 * total / elapsed) + " %) |";
    }

    @Override
    public void close() {
      sampler.close();
    }
  }

  /** Milliseconds of each call, then p50 and p95. */
  static final class Latencies {
    private final List<Double> millis = new ArrayList<>();

    void time(Runnable call) {
      long start = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }

    double percentile(double p) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
  }

  /**
   * What one synchronous write costs on this machine's disk, where the database lives: 2,000 writes
   * of 8 KiB, each forced to the disk, as {@code dd bs=8k count=2000 oflag=dsync} does.
   */
  static String syncWriteLatency() {
    Path file = RESULTS.resolveSibling("sync-write-probe.bin");
    try {
      Files.createDirectories(file.getParent());
      java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(8192);
      int writes = 2000;
      long start = System.nanoTime();
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.DSYNC)) {
        for (int i = 0; i < writes; i++) {
          block.rewind();
          channel.write(block);
        }
      }
      double millis = (System.nanoTime() - start) / 1e6 / writes;
      Files.deleteIfExists(file);
      return "a synchronous 8 KiB write (O_DSYNC, 2,000 in a row) takes " + f2(millis) + " ms";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CPU time used so far by this JVM (the application) and by the local PostgreSQL server's processes,
   * those that ended included (from /proc; 0 where there is none), in seconds: the difference of two is what a phase cost the
   * machine, a figure that does not depend on how the two cores were shared at the time.
   */
  record Cpu(double application, double postgres) {

    static Cpu now() {
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return new Cpu(os.getProcessCpuTime() / 1e9, postgresSeconds());
    }

    Cpu since(Cpu before) {
      return new Cpu(application - before.application, postgres - before.postgres);
    }

    double total() {
      return application + postgres;
    }

    @Override
    public String toString() {
      return "CPU: application " + f1(application) + " s, PostgreSQL " + f1(postgres) + " s";
    }

    private static double postgresSeconds() {
      long ticks = 0;
      try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path process : processes) {
          try {
            String stat = Files.readString(process.resolve("stat"));
            if (!stat.contains("(postgres)")) {
              continue;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, and cutime and cstime: the server's ended processes (autovacuum's
            // workers, connections the pool retired) counted in the postmaster once it reaps them. Without
            // these a phase in which some ended came out short, or negative (2026-12-07, the burst of
            // 100,000 units: -639.7 s).
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
          } catch (IOException | RuntimeException gone) {
            // a process that ended between the listing and the read
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return ticks / 100.0;
    }
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String f2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static void append(String markdown) {
    try {
      Files.createDirectories(RESULTS.getParent());
      Files.writeString(RESULTS, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
