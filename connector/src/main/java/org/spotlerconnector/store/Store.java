package org.spotlerconnector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's local durable state: an SQLite file on one machine, or PostgreSQL shared by several nodes.
 * {@link #open} connects and brings the schema up to date; the repositories then read and write, each call in a
 * transaction of its own, or several calls together in {@link #inTransaction}. Thread-safe; close it when done.
 *
 * <p>SQLite allows one writer at a time, so on SQLite the store holds a single connection and threads take turns:
 * keep transactions short. Another process on the same file waits up to {@link StoreConfig#busyTimeout()}.
 */
public final class Store implements Repositories, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final HikariDataSource dataSource;
  private final PooledJdbcRunner jdbc;
  private final Dialect dialect;
  private final Clock clock;
  private final Repositories repositories;

  private Store(HikariDataSource dataSource, Dialect dialect, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = new PooledJdbcRunner(dataSource);
    this.dialect = dialect;
    this.clock = clock;
    this.repositories = repositoriesOn(jdbc);
  }

  /** Opens the store at {@code jdbcUrl} with default settings. */
  public static Store open(String jdbcUrl) {
    return open(StoreConfig.builder().jdbcUrl(jdbcUrl).build());
  }

  /**
   * Connects and runs any pending schema migrations.
   *
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static Store open(StoreConfig config) {
    Dialect dialect = Dialect.forUrl(config.jdbcUrl());
    String operation = "open the store at " + config.redactedUrl();
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(poolConfig(config, dialect));
    } catch (RuntimeException e) {
      throw new StoreException(operation, null, e);
    }
    try {
      int migrations = Migrations.apply(dataSource, dialect);
      LOG.atInfo()
          .setMessage("Store opened")
          .addKeyValue("database", dialect.name())
          .addKeyValue("url", config.redactedUrl())
          .addKeyValue("migrationsApplied", migrations)
          .log();
      return new Store(dataSource, dialect, config.clock());
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(operation, null, e);
    }
  }

  @Override
  public OutboundQueue outboundQueue() {
    return repositories.outboundQueue();
  }

  @Override
  public RecordLinks recordLinks() {
    return repositories.recordLinks();
  }

  @Override
  public SyncedValues syncedValues() {
    return repositories.syncedValues();
  }

  @Override
  public DeltaLinks deltaLinks() {
    return repositories.deltaLinks();
  }

  @Override
  public InboundCursor inboundCursor() {
    return repositories.inboundCursor();
  }

  @Override
  public Conflicts conflicts() {
    return repositories.conflicts();
  }

  @Override
  public PendingReviews pendingReviews() {
    return repositories.pendingReviews();
  }

  @Override
  public ListAudiences listAudiences() {
    return repositories.listAudiences();
  }

  @Override
  public ListMemberships listMemberships() {
    return repositories.listMemberships();
  }

  /**
   * Runs {@code work} as one transaction: everything it does through the repositories it is given is committed
   * together, or, if it throws, not at all. Use it to save a position together with the changes read up to it.
   * Inside {@code work} use only the given repositories, not this store's: those would need a second connection, and
   * fail with an {@link IllegalStateException}.
   */
  public void inTransaction(Consumer<Repositories> work) {
    Objects.requireNonNull(work, "work cannot be null");
    jdbc.transaction(
        "run a transaction",
        connection -> {
          work.accept(repositoriesOn(new BoundJdbcRunner(connection)));
          return null;
        });
  }

  /** Closes the connection pool. Calls in progress may fail; later calls fail. */
  @Override
  public void close() {
    dataSource.close();
  }

  private Repositories repositoriesOn(JdbcRunner runner) {
    OutboundQueue outboundQueue = new OutboundQueue(runner, dialect, clock);
    RecordLinks recordLinks = new RecordLinks(runner, dialect);
    SyncedValues syncedValues = new SyncedValues(runner, dialect);
    DeltaLinks deltaLinks = new DeltaLinks(runner, clock);
    InboundCursor inboundCursor = new InboundCursor(runner);
    Conflicts conflicts = new Conflicts(runner);
    PendingReviews pendingReviews = new PendingReviews(runner);
    ListAudiences listAudiences = new ListAudiences(runner);
    ListMemberships listMemberships = new ListMemberships(runner);
    return new Repositories() {
      @Override
      public OutboundQueue outboundQueue() {
        return outboundQueue;
      }

      @Override
      public RecordLinks recordLinks() {
        return recordLinks;
      }

      @Override
      public SyncedValues syncedValues() {
        return syncedValues;
      }

      @Override
      public DeltaLinks deltaLinks() {
        return deltaLinks;
      }

      @Override
      public InboundCursor inboundCursor() {
        return inboundCursor;
      }

      @Override
      public Conflicts conflicts() {
        return conflicts;
      }

      @Override
      public PendingReviews pendingReviews() {
        return pendingReviews;
      }

      @Override
      public ListAudiences listAudiences() {
        return listAudiences;
      }

      @Override
      public ListMemberships listMemberships() {
        return listMemberships;
      }
    };
  }

  private static HikariConfig poolConfig(StoreConfig config, Dialect dialect) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("store-" + dialect.name());
    pool.setJdbcUrl(config.jdbcUrl());
    pool.setUsername(config.username());
    pool.setPassword(config.password());
    dialect.configurePool(pool, config);
    return pool;
  }
}
