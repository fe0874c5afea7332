package io.recoup.routes.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.dunning.Decision;
import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.dunning.Notice;
import io.recoup.core.dunning.NoticeLine;
import io.recoup.core.dunning.OnboardingStep;
import io.recoup.core.event.PlannerEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.Leases;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.plan.SkippedSteps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 2, plan: runs the dunning policy over every customer with open items and fills the notice outbox. One
 * planner at a time, under the planning lease ({@link Leases}): an instance that finds another planning skips the run
 * instead of waiting, and a planner frozen while it holds the lease loses it when it expires, so two instances never
 * plan the same step twice and a stalled one never stops the others; the unique (item, step) index is the second guard.
 */
public final class DunningPlanning {
    private static final Logger LOG = LoggerFactory.getLogger(DunningPlanning.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A run that planned this many notices has the outbox's statistics refreshed before dispatch reads it. PostgreSQL's
     * own analysis comes a minute or more later; until then the planner estimated a handful of planned actions where
     * there were thousands, and read every one of them for each notice dispatched (2 to 5 ms a statement, twice per
     * notice, on 10,000 notices).
     */
    public static final int REFRESH_STATISTICS_AFTER = 1_000;

    private final Supplier<DunningEngine> engine;
    private final Database db;
    private final ParallelDecider cases;
    private final NoticeRepository notices;
    private final EventLog events;
    private final Clock clock;
    private final Leases leases;
    private final SkippedSteps skipped;

    /** @param engine the engine with the policy in force (a supplier, so a reloaded policy takes effect at the next run) */
    public DunningPlanning(Supplier<DunningEngine> engine, Database db, ParallelDecider cases, NoticeRepository notices,
                              EventLog events, Clock clock) {
        this.engine = engine;
        this.db = db;
        this.cases = cases;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.leases = new Leases(db);
        this.skipped = new SkippedSteps(db);
    }

    public PlanReport plan() {
        Instant now = clock.instant();
        DunningEngine current = engine.get();
        PlanReport report = planNow(current, now);
        if (report.planned().size() >= REFRESH_STATISTICS_AFTER) {
            notices.refreshStatistics();
        }
        return report;
    }

    private PlanReport planNow(DunningEngine current, Instant now) {
        return db.inTransaction(() -> {
            if (!leases.tryTake(Leases.Work.PLANNING)) {
                LOG.info("planning skipped: another instance is planning");
                return PlanReport.skippedRun();
            }
            List<PlanReport.Planned> planned = new ArrayList<>();
            long[] counts = new long[3]; // held, paused, onboarded
            // the engine is pure: it decides batches of customers on every core while the next batch is read; each
            // plan is written here, in this transaction, as soon as it is decided
            cases.decideEach(LocalDate.ofInstant(now, clock.getZone()), c -> current.plan(c, now), plan -> {
                notices.lockItems(plan.notices().stream().flatMap(n -> n.lines().stream()).map(NoticeLine::itemId)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)));
                for (Notice notice : plan.notices()) {
                    Optional<Long> id = notices.insert(notice, current.policy().id(), current.policy().version(), json(notice));
                    if (id.isPresent()) {
                        String numbers = notice.lines().stream().map(NoticeLine::number).collect(Collectors.joining(","));
                        planned.add(new PlanReport.Planned(id.get(), numbers, notice.leadStepKey(), notice.channel().label(), notice.reason()));
                        events.append(new PlannerEvent.NoticePlanned(new NoticeId(id.get()), notice.leadStepKey(), numbers,
                                notice.reason()));
                        counts[2] += notice.lines().stream().filter(l -> OnboardingStep.isOnboarding(l.stepKey())).count();
                    }
                }
                recordSkips(plan.decisions(), LocalDate.ofInstant(now, clock.getZone()));
                counts[0] += plan.decisions().stream().filter(d -> d.outcome() == Decision.Outcome.HELD).count();
                counts[1] += plan.decisions().stream().filter(d -> d.outcome() == Decision.Outcome.PAUSED).count();
            });
            PlanReport report = new PlanReport(planned, counts[0], counts[1], counts[2]);
            if (!planned.isEmpty()) {
                LOG.info("planned {} notice(s); {} item(s) held, {} paused", planned.size(), report.held(), report.paused());
            }
            if (report.onboarded() > 0) {
                // typically the first run on a new ledger: say once why no item went straight to an agency or a lawyer
                LOG.info("onboarding: {} item(s) would have had an escalation as their first contact; each gets a reminder "
                        + "with a {}-day grace period first (policy {} v{}, onboarding.grace-days)", report.onboarded(),
                        current.policy().onboarding().graceDays(), current.policy().id(), current.policy().version());
            }
            return report;
        });
    }

    /** A step left out goes into the item's history the first time only; the planner leaves it out again each run. */
    private void recordSkips(List<Decision> decisions, LocalDate today) {
        for (Decision d : decisions) {
            if (d.outcome() == Decision.Outcome.SKIPPED && d.step().isPresent()) {
                String step = d.step().get();
                // the engine's words name the step already; the event says "step x skipped" and why
                String why = d.reason().replaceFirst("^step '[^']*' skipped: ", "");
                skipped.recordFirst(d.itemId(), step, why, today)
                        .ifPresent(item -> events.append(new PlannerEvent.StepSkipped(item, step, why)));
            }
        }
    }

    private static String json(Notice notice) {
        try {
            return JSON.writeValueAsString(notice.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the facts of a notice as JSON", e);
        }
    }
}
