package io.recoup.routes;

import io.recoup.core.policy.CollectionPlanner;
import io.recoup.core.policy.PlannedAction;
import io.recoup.core.policy.PlanningItem;
import io.recoup.store.ActionRepository;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.LedgerRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage 2, plan: runs the collection policy over the open items for one day and fills the action outbox. */
public final class CollectionPlanning {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionPlanning.class);

    private final CollectionPlanner planner;
    private final Database db;
    private final LedgerRepository ledger;
    private final ActionRepository actions;
    private final EventLog events;

    public CollectionPlanning(CollectionPlanner planner, Database db, LedgerRepository ledger, ActionRepository actions,
                              EventLog events) {
        this.planner = planner;
        this.db = db;
        this.ledger = ledger;
        this.actions = actions;
        this.events = events;
    }

    public Reports.Plan plan(LocalDate today) {
        return db.inTransaction(() -> {
            List<Reports.Planned> planned = new ArrayList<>();
            for (PlanningItem item : ledger.itemsForPlanning()) {
                Optional<PlannedAction> action = planner.plan(item, today);
                if (action.isPresent()) {
                    Optional<Long> id = actions.insert(action.get());
                    if (id.isPresent()) {
                        planned.add(new Reports.Planned(ledger.get(item.itemId()).number(), action.get()));
                        events.append("planner", "action", id.get(), "planned " + action.get().step().id(), action.get().reason());
                    }
                }
            }
            if (!planned.isEmpty()) {
                LOG.info("planned {} action(s) for {}", planned.size(), today);
            }
            return new Reports.Plan(planned);
        });
    }
}
