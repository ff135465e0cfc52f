package org.sweetshop.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.Refusal;

/**
 * The one transaction template: open a session, begin, work, (flush,) commit; roll back on
 * anything thrown; close in finally. Deadlocks and serialization failures retry the whole work
 * with a fresh session a few times with jitter, then become "busy"; a lock wait past
 * {@code lock_timeout} is retried once in a fresh transaction, then is "busy". Faults are mapped by
 * SQLState (see DESIGN.md, Errors).
 *
 * <p>{@link #call} gives the work a stateful {@code EntityManager}; {@link #callStateless} a
 * Hibernate {@code StatelessSession} (no persistence context, no dirty checking, explicit
 * batched writes) for the checkout, the one path that runs at a queue's pace on every till.
 */
public final class Transactor {

    private static final Logger LOG = LoggerFactory.getLogger(Transactor.class);
    private static final int MAX_ATTEMPTS = 5;

    /** The last {@link LockOrder} step the current thread's transaction took; null: none yet. */
    private static final ThreadLocal<LockOrder> LAST_LOCK = new ThreadLocal<>();

    private final SessionFactory sessionFactory;
    private final LongAdder retries = new LongAdder();
    private final LongAdder deadlocks = new LongAdder();
    private final LongAdder lockTimeouts = new LongAdder();
    private volatile Runnable beforeCommit = () -> { };

    public Transactor(EntityManagerFactory emf) {
        this.sessionFactory = emf.unwrap(SessionFactory.class);
    }

    /** Figures since start, for the benchmark and the logs. */
    public record Stats(long retries, long deadlocks, long lockTimeouts) {
    }

    public Stats stats() {
        return new Stats(retries.sum(), deadlocks.sum(), lockTimeouts.sum());
    }

    /**
     * A seam for fault-injection tests: runs after the work has been written (all locks held, all
     * rows written) and right before commit.
     */
    public void setBeforeCommit(Runnable hook) {
        this.beforeCommit = hook == null ? () -> { } : hook;
    }

    public void run(Consumer<EntityManager> work) {
        call(em -> {
            work.accept(em);
            return null;
        });
    }

    public <T> T call(Function<EntityManager, T> work) {
        return inTransaction(sessionFactory::openSession, session -> {
            T result = work.apply(session);
            session.flush();
            return result;
        });
    }

    /** As {@link #call}, with a stateless session: the work writes explicitly (insert, update). */
    public <T> T callStateless(Function<StatelessSession, T> work) {
        return inTransaction(sessionFactory::openStatelessSession, work);
    }

    private <S extends SharedSessionContract, T> T inTransaction(Supplier<S> open, Function<S, T> work) {
        boolean lockTimeoutRetried = false;
        for (int attempt = 1; ; attempt++) {
            S session;
            try {
                session = open.get();
            } catch (RuntimeException e) {
                throw translate(e);
            }
            Transaction tx = null;
            LockOrder outer = LAST_LOCK.get();
            LAST_LOCK.remove();
            try {
                tx = session.beginTransaction();
                T result = work.apply(session);
                beforeCommit.run();
                tx.commit();
                return result;
            } catch (BusyException e) {
                rollbackQuietly(tx);
                if (e.getCause() != null && SqlStates.classify(e.getCause()) == SqlStates.Fault.LOCK_TIMEOUT) {
                    lockTimeouts.increment();
                    if (!lockTimeoutRetried) {
                        lockTimeoutRetried = true;
                        retries.increment();
                        LOG.debug("retrying once after a lock timeout ({})", e.holder());
                        continue;
                    }
                }
                throw e;
            } catch (Refusal | DatabaseUnreachableException e) {
                rollbackQuietly(tx);
                throw e;
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                SqlStates.Fault fault = SqlStates.classify(e);
                if (fault == SqlStates.Fault.LOCK_TIMEOUT && !lockTimeoutRetried) {
                    // the contract's one retry of a lock wait, in a fresh transaction: the holder has
                    // usually committed by now (translate counts the second one and makes it busy)
                    lockTimeoutRetried = true;
                    lockTimeouts.increment();
                    retries.increment();
                    LOG.debug("retrying once after a lock timeout");
                    continue;
                }
                if (fault.retryable()) {
                    if (fault == SqlStates.Fault.DEADLOCK) {
                        deadlocks.increment();
                    }
                    if (attempt < MAX_ATTEMPTS) {
                        retries.increment();
                        LOG.debug("retrying after {} (attempt {})", fault, attempt);
                        pause(attempt);
                        continue;
                    }
                    throw new BusyException("the store database is under heavy load", e);
                }
                throw translate(e);
            } finally {
                if (outer == null) {
                    LAST_LOCK.remove();
                } else {
                    LAST_LOCK.set(outer);
                }
                try {
                    session.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing a session failed", e);
                }
            }
        }
    }

    /**
     * Takes the locks of one step of the global {@link LockOrder}; a lock wait past the timeout
     * becomes "busy", saying what holds the rows ({@code holder}: "another till is selling JB-200").
     *
     * @throws IllegalStateException when this transaction already took a later step: a bug that
     *         could deadlock two tills, refused before any lock is asked for
     */
    public static <T> T lock(LockOrder step, Supplier<T> locking, Supplier<String> holder) {
        enter(step);
        return lockOrBusy(locking, holder);
    }

    /**
     * As {@link #lock(LockOrder, Supplier, Supplier)}, for a lock taken alone (an account, a
     * coupon voided): a lock timeout is left to the transaction's own mapping to "busy".
     */
    public static <T> T lock(LockOrder step, Supplier<T> locking) {
        enter(step);
        return locking.get();
    }

    /** The step the current thread's transaction took last, or null: for tests. */
    static LockOrder lastLock() {
        return LAST_LOCK.get();
    }

    private static void enter(LockOrder step) {
        LockOrder last = LAST_LOCK.get();
        if (!step.mayFollow(last)) {
            throw new IllegalStateException("lock order broken: " + step + " locked after " + last
                    + " (the order is " + java.util.Arrays.toString(LockOrder.values()) + ")");
        }
        LAST_LOCK.set(step);
    }

    /**
     * Runs a step and maps a lock wait past the timeout to "busy", saying what holds the rows
     * ({@code holder}). Locking code names its {@link LockOrder} step through {@link #lock}.
     */
    private static <T> T lockOrBusy(Supplier<T> step, Supplier<String> holder) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (SqlStates.classify(e) == SqlStates.Fault.LOCK_TIMEOUT) {
                throw new BusyException(holder.get(), e);
            }
            throw e;
        }
    }

    /** The Hibernate session behind a JPA entity manager, for code shared by both kinds of work. */
    public static SharedSessionContract session(EntityManager em) {
        return em.unwrap(Session.class);
    }

    /** Maps an infrastructure fault to what a cashier should see; anything else unchanged. */
    public RuntimeException translate(RuntimeException e) {
        switch (SqlStates.classify(e)) {
            case LOCK_TIMEOUT:
                lockTimeouts.increment();
                return new BusyException("another till is using the same records", e);
            case POOL_EXHAUSTED:
                return new BusyException("every database connection of this till is in use", e);
            case CONNECTION:
                return new DatabaseUnreachableException("store database unreachable: check the network and the store server", e);
            case CONSTRAINT:
                return new ConstraintViolation(SqlStates.constraintName(e), e);
            default:
                return e;
        }
    }

    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            LOG.debug("rollback failed (the connection may be gone)", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt + 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting to retry", e);
        }
    }
}
