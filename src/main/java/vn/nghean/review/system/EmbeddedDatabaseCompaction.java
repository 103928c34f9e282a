package vn.nghean.review.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing without end. The application writes every commit to the
 * file as it happens ({@code WRITE_DELAY=0}: a commit survives a killed process), and H2 then runs no
 * background thread, which is what otherwise rewrites half-empty chunks: the file grew by gigabytes a
 * campaign and gave nothing back while open. This does that housekeeping on a schedule
 * ({@code review.h2.compaction-interval}): the chunks whose live data has fallen below
 * {@code review.h2.compaction-fill-rate} percent are rewritten, a few megabytes at a time, and the
 * space of the old ones is reused for new writes. It does nothing on PostgreSQL.
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
      @Value("${review.h2.compaction-fill-rate:80}") int fillRate,
      @Value("${review.h2.compaction-budget:PT2S}") Duration budget) {
    this.dataSource = dataSource;
    this.embedded = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
    this.fillRate = fillRate;
    this.budgetNanos = budget.toNanos();
  }

  @Scheduled(fixedDelayString = "${review.h2.compaction-interval:PT30S}",
      initialDelayString = "${review.h2.compaction-interval:PT30S}")
  void compact() {
    if (!embedded) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
          .getMvStore();
      long until = System.nanoTime() + budgetNanos;
      int rounds = 0;
      while (System.nanoTime() < until && store.compact(fillRate, WRITE)) {
        rounds++;
      }
      if (rounds > 0) {
        store.getFileStore().dropUnusedChunks();
      }
      // Then what H2's own housekeeping does: chunks moved from the end of the file into the holes
      // that freed chunks left, and the file cut short behind them.
      if (store.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < fillRate) {
        file.compactMoveChunks(fillRate, MOVE, store);
      }
      LOG.debug("Embedded database: {} rounds of rewriting; chunks {}% full, file {}% used, {} MB", rounds,
          store.getFileStore().getChunksFillRate(), store.getFileStore().getFillRate(),
          store.getFileStore().size() / (1024 * 1024));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Embedded database compaction skipped: {}", e.getMessage());
    }
  }
}
