package dev.warpsql.planner.prepare;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * The query plans that one connection prepared, by SQL text, so that a statement that runs the same
 * query again skips parsing, validation, planning and kernel compilation. BI tools refresh a
 * dashboard with the same queries, and services prepare the same statement for every request, so
 * repeated text is the common case.
 *
 * <p>Only queries are kept (no DDL, which runs while it is prepared, and no DML). A plan is used
 * again only while its {@link PlanAssumptions} hold; otherwise it is dropped and the statement is
 * planned anew. Each connection has its own cache, found by the connection's root schema, because
 * the connection's properties (its device, for one) shape the plan. The cache keeps the most
 * recently used plans up to the capacity that the connection chose ({@value #PROPERTY}, default
 * {@value #DEFAULT_CAPACITY}; 0 turns it off).
 *
 * <p>A cached plan may run in several statements of the connection at once: an execution keeps its
 * state in its own execution context, and the plan itself is immutable.
 */
public final class PlanCache {
  /** The connection property that sets how many plans a connection keeps. */
  public static final String PROPERTY = "plan_cache";

  /** Plans kept per connection by default; a dashboard or a service rarely runs more queries. */
  public static final int DEFAULT_CAPACITY = 256;

  /** The largest capacity accepted, which bounds the memory that plans of one connection hold. */
  public static final int MAX_CAPACITY = 100_000;

  private static final Map<CalciteSchema, PlanCache> CONNECTIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<Key, Entry> plans;

  private PlanCache(int capacity) {
    plans =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The identity of a plan within its connection: every argument that prepareSql receives. */
  record Key(String sql, List<String> schemaPath, Type elementType, long maxRowCount) {}

  private record Entry(CalcitePrepare.CalciteSignature<?> signature, PlanAssumptions assumptions) {}

  /**
   * Gives a new connection, known by its root schema, a cache of the given capacity, or none when
   * the capacity is 0.
   *
   * @throws IllegalArgumentException when the capacity is negative or above {@link #MAX_CAPACITY}
   */
  public static void open(CalciteSchema connectionRoot, int capacity) {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          PROPERTY + " must be a number of plans from 0 (off) to " + MAX_CAPACITY);
    }
    if (capacity > 0) {
      CONNECTIONS.put(connectionRoot, new PlanCache(capacity));
    }
  }

  /**
   * Returns the cache of the connection that owns the context's root schema, or null when it has
   * none.
   */
  static PlanCache of(CalcitePrepare.Context context) {
    return CONNECTIONS.get(context.getMutableRootSchema());
  }

  /** Drops the plans of a connection that closes. */
  public static void release(CalciteSchema connectionRoot) {
    CONNECTIONS.remove(connectionRoot);
  }

  /**
   * Returns the cached plan for the key if its assumptions hold at the catalog's definition
   * version, or null after dropping a plan whose assumptions no longer hold.
   */
  synchronized CalcitePrepare.CalciteSignature<?> find(Key key, long definitionVersion) {
    Entry entry = plans.get(key);
    if (entry == null) {
      return null;
    }
    if (!entry.assumptions().hold(definitionVersion)) {
      plans.remove(key);
      return null;
    }
    return entry.signature();
  }

  synchronized void add(
      Key key, CalcitePrepare.CalciteSignature<?> signature, PlanAssumptions assumptions) {
    plans.put(key, new Entry(signature, assumptions));
  }

  /** Returns how many plans the connection that owns the root schema has cached. */
  public static int planCount(CalciteSchema connectionRoot) {
    PlanCache cache = CONNECTIONS.get(connectionRoot);
    return cache == null ? 0 : cache.size();
  }

  private synchronized int size() {
    return plans.size();
  }
}
