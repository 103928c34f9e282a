package vn.nghean.review.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing without end. The application writes every commit to the
 * file as it happens ({@code WRITE_DELAY=0}: a commit survives a killed process), and H2 then runs no
 * background thread, which is what otherwise rewrites half-empty chunks: the file grew by gigabytes a
 * campaign and gave nothing back while open. This does that housekeeping on a schedule
 * ({@code review.h2.compaction-interval}): the chunks whose live data has fallen below
 * {@code review.h2.compaction-fill-rate} percent are rewritten, a few megabytes at a time, and the
 * space of the old ones is reused for new writes. When the application stops, after the process
 * engine, the file is compacted down to its live data: H2's own compaction on close moves chunks
 * only when they are sparse, and left a file of 7 MB for 1 MB of data (EmbeddedDatabaseSizeIT). It
 * does nothing on PostgreSQL.
 */
@Component
class EmbeddedDatabaseCompaction {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);
  /** Bytes rewritten at a time: small, so that commits never wait long for the store's lock. */
  private static final int WRITE = 4 * 1024 * 1024;
  /** Bytes of chunks moved at a time. */
  private static final long MOVE = 16 * 1024 * 1024;

  private final DataSource dataSource;
  private final boolean embedded;
  private final int fillRate;
  private final long budgetNanos;

  EmbeddedDatabaseCompaction(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
      @Value("${review.h2.compaction-fill-rate:50}") int fillRate,
      @Value("${review.h2.compaction-budget:PT0.5S}") Duration budget) {
    this.dataSource = dataSource;
    this.embedded = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
    this.fillRate = fillRate;
    this.budgetNanos = budget.toNanos();
  }

  @Scheduled(fixedDelayString = "${review.h2.compaction-interval:PT1S}",
      initialDelayString = "${review.h2.compaction-interval:PT1S}")
  void compact() {
    if (embedded) {
      compact(fillRate, budgetNanos);
    }
  }

  /**
   * On stop, after the process engine has closed (its job executor no longer writes) and before the
   * connection pool closes: H2's {@code SHUTDOWN COMPACT}, which writes the live data into a new file
   * and puts it in the old one's place. A kill during it leaves the old file as it was.
   */
  @PreDestroy
  void compactOnStop() {
    if (!embedded) {
      return;
    }
    long begin = System.nanoTime();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      String file = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
          .getMvStore().getFileStore().getFileName();
      long before = Files.size(Path.of(file));
      try (Statement sql = connection.createStatement()) {
        sql.execute("SHUTDOWN COMPACT");
      }
      LOG.info("Embedded database compacted on stop in {} ms: {} MB before, {} MB now",
          (System.nanoTime() - begin) / 1_000_000, before / (1024 * 1024), Files.size(Path.of(file)) / (1024 * 1024));
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.warn("Embedded database not compacted on stop: {}", e.getMessage());
    } finally {
      closeQuietly(connection);
    }
  }

  /** The pool's connection, to a database now shut down: its reset fails, and the pool drops it. */
  private static void closeQuietly(Connection connection) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException closedWithTheDatabase) {
      LOG.trace("Connection closed with the database: {}", closedWithTheDatabase.getMessage());
    }
  }

  /**
   * Makes the process engine depend on the compaction, so that the engine is closed first when the
   * application stops (Spring destroys a bean before those it depends on).
   */
  @Component
  static class AfterTheProcessEngine implements BeanFactoryPostProcessor {
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      String compaction = beanFactory.getBeanNamesForType(EmbeddedDatabaseCompaction.class, true, false)[0];
      for (String engine : beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(engine);
        List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
            : List.of(definition.getDependsOn()));
        dependsOn.add(compaction);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    }
  }

  private void compact(int rate, long budget) {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
          .getMvStore();
      long until = System.nanoTime() + budget;
      int rounds = 0;
      while (System.nanoTime() < until && store.compact(rate, WRITE)) {
        rounds++;
      }
      if (rounds > 0) {
        store.getFileStore().dropUnusedChunks();
      }
      // Then what H2's own housekeeping does: chunks moved from the end of the file into the holes
      // that freed chunks left, and the file cut short behind them.
      if (store.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < rate) {
        file.compactMoveChunks(rate, MOVE, store);
      }
      LOG.debug("Embedded database: {} rounds of rewriting; chunks {}% full, file {}% used, {} MB", rounds,
          store.getFileStore().getChunksFillRate(), store.getFileStore().getFillRate(),
          store.getFileStore().size() / (1024 * 1024));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Embedded database compaction skipped: {}", e.getMessage());
    }
  }
}
