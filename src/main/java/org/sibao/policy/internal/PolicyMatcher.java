package org.sibao.policy.internal;

import org.sibao.subject.SubjectRuleFacts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.sibao.identity.DataScope;
import org.sibao.platform.BusinessClock;
import org.sibao.policy.MatchOutcome;
import org.sibao.policy.PolicyStatus;
import org.sibao.subject.SubjectChanged;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Matches policies in force against subjects and keeps {@code policy_match}: one subject on
 * {@link SubjectChanged} and whitelist events, the policies whose force changed (publish, new version, expiry) on a
 * sweep, and everything on demand. Policy-wide rewrites write in their own transactions (the subject stream is
 * read-only) under one lock per node and hold no connection while waiting for it.
 */
@Component
class PolicyMatcher {

    private static final Logger log = LoggerFactory.getLogger(PolicyMatcher.class);
    private static final int PAGE = 1000;
    private static final int FLUSH_ROWS = 20_000;
    private static final long IN_FORCE_TTL_MILLIS = 5_000;

    private final PolicyRepository policies;
    private final PolicyCompiler compiler;
    private final MatchStore store;
    private final Subjects subjects;
    private final Redemptions redemptions;
    private final BusinessClock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate subjectTx;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile InForce inForce;
    /** Bumped by {@link #forget()}: a list computed across a forget is not kept (it may miss the change). */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private record InForce(LocalDate day, long at, String stamp, List<CompiledPolicy> policies) {
    }

    /** What a full or partial rematch did. */
    record Stats(int subjects, int policies, long rows, long millis) {
    }

    private final org.springframework.context.ApplicationEventPublisher events;

    PolicyMatcher(PolicyRepository policies, PolicyCompiler compiler, MatchStore store, Subjects subjects,
            Redemptions redemptions, BusinessClock clock, PlatformTransactionManager txManager,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.policies = policies;
        this.compiler = compiler;
        this.store = store;
        this.subjects = subjects;
        this.redemptions = redemptions;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(txManager);
        this.writeTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.subjectTx = new TransactionTemplate(txManager);
    }

    /**
     * The policy versions in force today, one per code: PUBLISHED, started and not past effectiveTo, the latest
     * started version of its code. Cached and dropped whenever this node changes a policy; after a few seconds a
     * one-row query on the published versions' count and last change tells whether another node changed one.
     */
    List<CompiledPolicy> inForce() {
        long started = generation.get();
        LocalDate today = clock.today();
        InForce cached = inForce;
        long now = System.currentTimeMillis();
        if (cached != null && cached.day().equals(today)) {
            if (now - cached.at() < IN_FORCE_TTL_MILLIS) {
                return cached.policies();
            }
            String stamp = policies.publishedStamp();
            if (stamp.equals(cached.stamp())) {
                inForce = new InForce(today, now, stamp, cached.policies());
                return cached.policies();
            }
        }
        String stamp = policies.publishedStamp();
        Map<String, PolicyRow> byCode = new LinkedHashMap<>();
        for (PolicyRow p : policies.published()) {
            if (p.statusOn(today) == PolicyStatus.PUBLISHED && !p.effectiveFrom().isAfter(today)) {
                PolicyRow other = byCode.get(p.code());
                if (other == null || other.versionNo() < p.versionNo()) {
                    byCode.put(p.code(), p);
                }
            }
        }
        List<CompiledPolicy> list = byCode.values().stream().sorted(Comparator.comparing(PolicyRow::code))
                .map(compiler::compile).toList();
        synchronized (generation) {
            if (generation.get() == started) {
                inForce = new InForce(today, now, stamp, list);
            }
        }
        return list;
    }

    void forget() {
        synchronized (generation) {
            generation.incrementAndGet();
            inForce = null;
        }
    }

    /**
     * Rewrites one subject's rows of the policies in force (all of them when it no longer exists) and pushes its new
     * eligible policies, in the caller's transaction (a listener's) so that it never needs a second connection; a
     * concurrent per-policy rewrite cannot clash with it, since inserts skip rows that already exist, and a policy
     * published while this ran keeps the rows its own rewrite wrote.
     */
    void rematchSubject(String subjectId) {
        SubjectFacts facts = subjects.find(subjectId, DataScope.system()).orElse(null);
        LocalDate today = clock.today();
        List<MatchStore.Row> rows = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        if (facts != null) {
            SubjectRuleFacts f = new SubjectRuleFacts(facts);
            for (CompiledPolicy p : inForce()) {
                collect(rows, facts, f, p, today);
                evaluated.add(p.row().id());
            }
        }
        OffsetDateTime at = clock.nowOffset();
        subjectTx.executeWithoutResult(s -> {
            // Only the rows of the policies evaluated here: a policy published since has its rows written by its own
            // rewrite, which this must not undo (the rows of a policy that left force go with the sweep's drop).
            if (facts == null) {
                store.deleteSubject(subjectId);
            } else {
                store.deleteSubject(subjectId, evaluated);
            }
            store.insert(rows, at);
            redemptions.pushNew(subjectId, null);
        });
    }

    /** Rewrites the rows of the given policy versions over every subject. */
    Stats rematchPolicies(List<CompiledPolicy> targets, Set<String> droppedIds, boolean push) {
        long start = System.nanoTime();
        LocalDate today = clock.today();
        lock.lock();
        try {
            Set<String> ids = new HashSet<>(droppedIds);
            targets.forEach(p -> ids.add(p.row().id()));
            writeTx.executeWithoutResult(s -> {
                store.deletePolicies(ids);
                droppedIds.forEach(id -> policies.setMatched(id, false));
            });
            long[] written = {0};
            int[] count = {0};
            List<MatchStore.Row> rows = new ArrayList<>();
            OffsetDateTime at = clock.nowOffset();
            if (!targets.isEmpty()) {
                subjects.forEach(DataScope.system(), PAGE, facts -> {
                    count[0]++;
                    SubjectRuleFacts f = new SubjectRuleFacts(facts);
                    for (CompiledPolicy p : targets) {
                        collect(rows, facts, f, p, today);
                    }
                    if (rows.size() >= FLUSH_ROWS) {
                        written[0] += flush(rows, at);
                    }
                });
            }
            written[0] += flush(rows, at);
            writeTx.executeWithoutResult(s -> {
                for (CompiledPolicy p : targets) {
                    policies.setMatched(p.row().id(), true);
                    if (push) {
                        redemptions.pushNew(null, p.row().id());
                    }
                }
            });
            events.publishEvent(new org.sibao.policy.PolicyReachChanged(targets.size() == 1 && droppedIds.isEmpty()
                    ? targets.get(0).row().id() : null));
            return new Stats(count[0], targets.size(), written[0], (System.nanoTime() - start) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /** Every policy in force against every subject, from scratch. */
    Stats rematchAll(boolean push) {
        forget();
        List<CompiledPolicy> all = inForce();
        Set<String> stale = new HashSet<>(policies.matchedIds());
        all.forEach(p -> stale.remove(p.row().id()));
        lock.lock();
        try {
            writeTx.executeWithoutResult(s -> store.deleteAll());
        } finally {
            lock.unlock();
        }
        Stats stats = rematchPolicies(all, stale, push);
        log.info("Policy rematch: {} subjects x {} policies, {} rows in {} ms", stats.subjects(), stats.policies(),
                stats.rows(), stats.millis());
        return stats;
    }

    /**
     * Stores EXPIRED for policies past their end, then matches versions that came into force and drops the rows of
     * those that left it (the {@code matched} flag says which versions have rows).
     */
    void sweep() {
        writeTx.executeWithoutResult(s -> policies.expireDue(clock.today(), clock.nowOffset()));
        forget();
        List<CompiledPolicy> now = inForce();
        Set<String> matched = new HashSet<>(policies.matchedIds());
        List<CompiledPolicy> added = now.stream().filter(p -> !matched.contains(p.row().id())).toList();
        Set<String> dropped = new HashSet<>(matched);
        now.forEach(p -> dropped.remove(p.row().id()));
        if (!added.isEmpty() || !dropped.isEmpty()) {
            Stats stats = rematchPolicies(added, dropped, true);
            log.info("Policies in force changed: {} matched ({} rows), {} dropped", added.size(), stats.rows(),
                    dropped.size());
        }
    }

    @Scheduled(initialDelayString = "${sibao.policy.sweep-initial-delay:5s}", fixedDelayString = "${sibao.policy.sweep-delay:60s}")
    @SchedulerLock(name = "policy-sweep", lockAtMostFor = "10m")
    void scheduledSweep() {
        sweep();
    }

    /** A drill's clock advance expires policies past their end and matches those that came into force, at once. */
    @org.springframework.context.event.EventListener
    void on(org.sibao.platform.ClockAdvanced event) {
        sweep();
    }

    /**
     * The cached list of policies in force is dropped as soon as a change commits, in the changing request's thread:
     * a read right after publishing must see the new version (the matching itself follows in the background).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void forgetOn(PolicyService.PoliciesChanged event) {
        forget();
    }

    /** Not a transactional module listener: the sweep opens its own transactions and must not hold one while waiting. */
    @Async
    @TransactionalEventListener
    void on(PolicyService.PoliciesChanged event) {
        sweep();
    }

    @ApplicationModuleListener
    void on(SubjectChanged event) {
        rematchSubject(event.id());
    }

    @ApplicationModuleListener
    void on(EntryActivated event) {
        rematchSubject(event.enterpriseId());
    }

    @ApplicationModuleListener
    void on(EntryRemoved event) {
        rematchSubject(event.enterpriseId());
    }

    /** One subject against every policy in force, with explanations: the fresh answer for that subject. */
    List<Evaluation> evaluate(SubjectFacts facts) {
        LocalDate today = clock.today();
        SubjectRuleFacts f = new SubjectRuleFacts(facts);
        List<Evaluation> out = new ArrayList<>();
        for (CompiledPolicy p : inForce()) {
            var explanation = p.rule().explain(f, today);
            MatchOutcome outcome = CompiledPolicy.outcome(explanation.outcome());
            var benefit = outcome == MatchOutcome.ELIGIBLE && p.formula() != null ? p.formula().compute(f, today) : null;
            out.add(new Evaluation(p, outcome, benefit, explanation));
        }
        return out;
    }

    record Evaluation(CompiledPolicy policy, MatchOutcome outcome, org.sibao.rules.BenefitAmount benefit,
            org.sibao.rules.Explanation explanation) {
    }

    /**
     * A draft (or any version) against every subject it would serve — those of the policy's region, whoever asks —
     * compared with its previous version. The subjects listed as changed are only those the caller may see.
     */
    Simulation simulate(PolicyRow row, DataScope caller, int maxChanges) {
        return simulate(row, DataScope.ofRegion(row.regionCode() == null ? "410000" : row.regionCode()), caller,
                maxChanges);
    }

    private Simulation simulate(PolicyRow row, DataScope scope, DataScope caller, int maxChanges) {
        CompiledPolicy p = compiler.compile(row);
        CompiledPolicy previous = row.previousId() == null ? null
                : policies.find(row.previousId()).map(compiler::compile).orElse(null);
        LocalDate today = clock.today();
        long[] n = new long[4];
        BigDecimal[] cost = {BigDecimal.ZERO};
        long[] changedCount = {0};
        List<Simulation.Change> changes = new ArrayList<>();
        subjects.forEach(scope, PAGE, facts -> {
            SubjectRuleFacts f = new SubjectRuleFacts(facts);
            CompiledPolicy.Result r = p.evaluate(f, today);
            n[r.outcome().ordinal()]++;
            if (r.benefit() != null && r.benefit().known()) {
                cost[0] = cost[0].add(r.benefit().amountYuan());
            } else if (r.outcome() == MatchOutcome.ELIGIBLE && p.formula() != null) {
                n[3]++;
            }
            if (previous != null) {
                MatchOutcome before = previous.evaluate(f, today).outcome();
                if (before != r.outcome()) {
                    changedCount[0]++;
                    if (changes.size() < maxChanges && caller.coversSector(facts.sector())) {
                        changes.add(new Simulation.Change(facts.id(), facts.name(), facts.regionCode(), before,
                                r.outcome()));
                    }
                }
            }
        });
        return new Simulation(n[0], n[1], n[2], cost[0], n[3], previous == null ? null : changedCount[0],
                previous == null ? null : changes);
    }

    /**
     * @param eligibleWithoutAmount eligible subjects whose benefit cannot be computed yet (a formula fact missing)
     * @param changedCount          subjects whose outcome differs from the previous version (null without one)
     */
    record Simulation(long eligible, long ineligible, long unknown, BigDecimal estimatedCostYuan,
            long eligibleWithoutAmount, Long changedCount, List<Change> changed) {

        record Change(String subjectId, String name, String regionCode, MatchOutcome before, MatchOutcome after) {
        }
    }

    private static void collect(List<MatchStore.Row> rows, SubjectFacts facts, SubjectRuleFacts f, CompiledPolicy p,
            LocalDate today) {
        CompiledPolicy.Result r = p.evaluate(f, today);
        if (r.outcome() != MatchOutcome.INELIGIBLE) {
            rows.add(MatchStore.Row.of(facts.id(), p.row().id(), facts.regionCode(), r.outcome(), r.benefit()));
        }
    }

    private long flush(List<MatchStore.Row> rows, OffsetDateTime at) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<MatchStore.Row> copy = List.copyOf(rows);
        rows.clear();
        writeTx.executeWithoutResult(s -> store.insert(copy, at));
        return copy.size();
    }
}
