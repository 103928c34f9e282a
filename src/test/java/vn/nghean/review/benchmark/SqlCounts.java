package vn.nghean.review.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * What the application asks of its database, counted on the connections themselves (datasource-proxy
 * around the pool), figures that do not depend on the machine: transactions (each commit, and each
 * statement run in auto-commit), those of them that wrote something (on a slow disk, each is a
 * durable write), SQL statements, and rows written.
 */
final class SqlCounts implements QueryExecutionListener, MethodExecutionListener {

  /** The counts at one moment; {@link #minus} gives what happened between two. */
  record Snapshot(long transactions, long writingTransactions, long statements, long rowsWritten) {

    Snapshot minus(Snapshot before) {
      return new Snapshot(transactions - before.transactions, writingTransactions - before.writingTransactions,
          statements - before.statements, rowsWritten - before.rowsWritten);
    }

    Snapshot plus(Snapshot other) {
      return new Snapshot(transactions + other.transactions, writingTransactions + other.writingTransactions,
          statements + other.statements, rowsWritten + other.rowsWritten);
    }

    /** Per unit, of a run of {@code units}. */
    double[] per(int units) {
      return new double[] {(double) transactions / units, (double) writingTransactions / units,
          (double) statements / units, (double) rowsWritten / units};
    }
  }

  private final LongAdder transactions = new LongAdder();
  private final LongAdder writingTransactions = new LongAdder();
  private final LongAdder statements = new LongAdder();
  private final LongAdder rowsWritten = new LongAdder();
  /** Connections whose open transaction has written. */
  private final Map<String, Boolean> dirty = new ConcurrentHashMap<>();
  /** Diagnostics (-Dbench.origins=true): the first statement of each transaction, and how often. */
  static final boolean ORIGINS = Boolean.getBoolean("bench.origins");
  final Map<String, LongAdder> origins = new ConcurrentHashMap<>();
  private final Map<String, String> firstStatement = new ConcurrentHashMap<>();
  /** Connections out of auto-commit (in a transaction). */
  private final Map<String, Boolean> manual = new ConcurrentHashMap<>();

  /** The benchmark's own look at the database (is everything settled? which task is next?) is not counted. */
  private final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> Boolean.FALSE);

  <T> T uncounted(java.util.function.Supplier<T> look) {
    paused.set(Boolean.TRUE);
    try {
      return look.get();
    } finally {
      paused.set(Boolean.FALSE);
    }
  }

  Snapshot now() {
    return new Snapshot(transactions.sum(), writingTransactions.sum(), statements.sum(), rowsWritten.sum());
  }

  /** Wraps every data source of the context, so that the engine, JPA and JDBC all go through the counts. */
  static BeanPostProcessor wrapping(SqlCounts counts) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource source && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(source).name(name).listener(counts).methodListener(counts).build();
        }
        return bean;
      }
    };
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (!execution.isSuccess() || paused.get()) {
      return;
    }
    boolean writes = false;
    if (ORIGINS && !queries.isEmpty()) {
      String sql = queries.get(0).getQuery().replaceAll("\\s+", " ");
      String thread = Thread.currentThread().getName().replaceAll("\\d+", "#");
      firstStatement.putIfAbsent(execution.getConnectionId(),
          thread + ": " + sql.substring(0, Math.min(80, sql.length())));
    }
    for (QueryInfo query : queries) {
      statements.add(Math.max(1, query.getParametersList().size()));
      writes |= isWrite(query.getQuery());
    }
    if (!writes) {
      countAutoCommit(execution, false);
      return;
    }
    rowsWritten.add(rows(execution));
    if (!countAutoCommit(execution, true)) {
      dirty.put(execution.getConnectionId(), Boolean.TRUE);
    }
  }

  /**
   * A statement in auto-commit is a transaction of its own; true when it was one. The pool hands out
   * connections in auto-commit, and transactions turn it off and on again ({@code setAutoCommit}).
   */
  private boolean countAutoCommit(ExecutionInfo execution, boolean writes) {
    if (manual.containsKey(execution.getConnectionId())) {
      return false;
    }
    transactions.increment();
    if (writes) {
      writingTransactions.increment();
    }
    return true;
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {}

  @Override
  public void afterMethod(MethodExecutionContext context) {
    if (!(context.getTarget() instanceof Connection) || context.getThrown() != null || paused.get()) {
      return;
    }
    String id = context.getConnectionInfo() == null ? null : context.getConnectionInfo().getConnectionId();
    switch (context.getMethod().getName()) {
      case "commit" -> {
        transactions.increment();
        boolean wrote = id != null && dirty.remove(id) != null;
        if (wrote) {
          writingTransactions.increment();
        }
        if (ORIGINS && id != null) {
          String first = firstStatement.remove(id);
          origins.computeIfAbsent((wrote ? "W " : "R ") + first, k -> new LongAdder()).increment();
        }
      }
      case "rollback" -> {
        if (id != null) {
          dirty.remove(id);
          firstStatement.remove(id);
        }
      }
      case "close" -> {
        if (id != null) {
          dirty.remove(id);
          firstStatement.remove(id);
          manual.remove(id);
        }
      }
      case "setAutoCommit" -> {
        if (id != null && context.getMethodArgs() != null && context.getMethodArgs().length == 1) {
          if (Boolean.FALSE.equals(context.getMethodArgs()[0])) {
            manual.put(id, Boolean.TRUE);
          } else {
            manual.remove(id);
          }
        }
      }
      default -> {
        // nothing to count
      }
    }
  }

  static boolean isWrite(String sql) {
    String start = sql.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("insert") || start.startsWith("update") || start.startsWith("delete")
        || start.startsWith("merge");
  }

  private static long rows(ExecutionInfo execution) {
    Object result = execution.getResult();
    if (result instanceof Integer count) {
      return Math.max(0, count);
    }
    if (result instanceof Long count) {
      return Math.max(0, count);
    }
    if (result instanceof int[] counts) {
      long sum = 0;
      for (int count : counts) {
        sum += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
      }
      return sum;
    }
    try {
      // execute() (MyBatis, so the engine): the count is asked of the statement after it, while open.
      Statement statement = execution.getStatement();
      return statement == null || statement.isClosed() ? 0 : Math.max(0, statement.getUpdateCount());
    } catch (SQLException e) {
      return 0;
    }
  }
}
