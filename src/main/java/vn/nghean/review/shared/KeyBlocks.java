package vn.nghean.review.shared;

/**
 * The keys of the rows a campaign writes by the thousand (notifications, deadline events, units'
 * records) come from a database sequence of their own ({@code <table>_seq}, Flyway migration 14),
 * drawn by each node in blocks of {@link #SIZE}: Hibernate then knows a new row's key without asking
 * the database, so the inserts of a step, or of a start batch's 100 units, go at the flush in JDBC
 * batches instead of one round trip each. A key comes from the database's own column default
 * ({@code IDENTITY}) only in the tables written a few times a campaign.
 *
 * <p>Keys are unique across nodes, and increase within one node's blocks; across nodes they do not
 * follow the order of writing (each node has its own block), which no reader relies on: lists are
 * ordered by their time.
 */
public final class KeyBlocks {

  /** Keys a node draws at once; the sequences' increment (Hibernate refuses to start on a mismatch). */
  public static final int SIZE = 50;

  private KeyBlocks() {}
}
