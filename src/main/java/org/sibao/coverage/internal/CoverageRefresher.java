package org.sibao.coverage.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.identity.DataScope;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectAggregates;
import org.sibao.subject.SubjectAggregates.ValueTotals;
import org.sibao.subject.SubjectChanged;
import org.sibao.subject.Subjects;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code coverage_aggregate} current: a subject change refreshes its county (all five sectors, so a sector
 * change is caught too) with one grouped query; a full rebuild runs on start (after the demo data), nightly and on
 * demand.
 */
@Component
@Order(30)
class CoverageRefresher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CoverageRefresher.class);

    record Rebuild(int rows, OffsetDateTime refreshedAt, long durationMs) {
    }

    private final SubjectAggregates aggregates;
    private final Subjects subjects;
    private final AggregateStore store;
    private final BusinessClock clock;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;

    CoverageRefresher(SubjectAggregates aggregates, Subjects subjects, AggregateStore store, BusinessClock clock,
            TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.aggregates = aggregates;
        this.subjects = subjects;
        this.store = store;
        this.clock = clock;
        this.tx = tx;
    }

    @ApplicationModuleListener
    void on(SubjectChanged event) {
        subjects.find(event.id(), DataScope.system()).ifPresent(s -> refreshCounty(s.regionCode()));
    }

    /** Recomputes the five rows of one county from the subjects of that county. */
    void refreshCounty(String countyCode) {
        tx.executeWithoutResult(status -> {
            OffsetDateTime now = clock.nowOffset();
            store.lockCounty(countyCode, now);
            Map<Sector, ValueTotals> totals = aggregates.valueTotals(countyCode).stream()
                    .collect(Collectors.toMap(ValueTotals::sector, Function.identity()));
            for (Sector s : Sector.values()) {
                store.update(countyCode, s, totals.get(s), now);
            }
        });
        events.publishEvent(new org.sibao.coverage.CoverageRefreshed(countyCode));
    }

    /** Replaces the whole read model in one transaction from one grouped query. */
    Rebuild rebuild() {
        Rebuild done = tx.execute(status -> {
            long started = System.nanoTime();
            OffsetDateTime now = clock.nowOffset();
            int rows = store.replaceAll(aggregates.valueTotals(null), now);
            return new Rebuild(rows, now, (System.nanoTime() - started) / 1_000_000);
        });
        events.publishEvent(new org.sibao.coverage.CoverageRefreshed(null));
        return done;
    }

    @Override
    public void run(ApplicationArguments args) {
        Rebuild r = rebuild();
        log.info("Coverage aggregates rebuilt: {} rows in {} ms", r.rows(), r.durationMs());
    }

    /** Catches what events cannot (a subject moved between counties, rows changed outside the application). */
    @Scheduled(cron = "0 15 2 * * *")
    @SchedulerLock(name = "coverage.rebuild", lockAtMostFor = "PT30M")
    void nightly() {
        rebuild();
    }
}
