package io.recoup.app.api;

import io.recoup.core.RecoupException;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.core.dunning.PaymentPlan;
import io.recoup.core.event.PersonEvent;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.Ladder;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.access.AuditSnapshots;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.plan.PauseRepository;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pauses and overrides recorded by people, each written to the event log with who did it, and the explanation of an
 * item: its state, what pauses it, every notice with the reason it was (or was not) sent, and what the providers
 * reported about each message (sent, delivered, read, bounced, failed).
 */
@RestController
@RequestMapping("/api")
public class AdminController {
    private final LedgerRepository ledger;
    private final PauseRepository pauses;
    private final EventLog events;
    private final Clock clock;
    private final PolicyHolder policy;
    private final AuditTrail audit;
    private final AuditSnapshots snapshots;
    private final DeliveryEvents deliveries;

    public AdminController(Database db, Clock clock, PolicyHolder policy, AuditTrail audit) {
        this.audit = audit;
        this.snapshots = new AuditSnapshots(db);
        this.deliveries = new DeliveryEvents(db);
        this.ledger = new LedgerRepository(db);
        this.pauses = new PauseRepository(db);
        this.events = new EventLog(db);
        this.clock = clock;
        this.policy = policy;
    }

    @GetMapping("/items/{source}/{id}")
    public Map<String, Object> explain(@PathVariable String source, @PathVariable String id) {
        StoredItem item = item(source, id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", Map.of("number", item.number(), "dueDate", item.dueDate(), "open", item.open().toString(),
                "status", item.status(), "creditorReference", item.creditorReference()));
        view.put("pauses", pauses.pausesOf(item.id()));
        view.put("notices", pauses.historyOf(item.id()));
        view.put("deliveries", deliveries.ofItem(item.id()));
        view.put("events", events.forEntity("open_item", item.key()));
        return view;
    }

    @PostMapping("/items/{source}/{id}/disputes")
    public ResponseEntity<Map<String, Object>> dispute(@PathVariable String source, @PathVariable String id,
                                                       @RequestBody Requests.HoldRequest body, Principal who) {
        return itemHold(source, id, Hold.Kind.DISPUTE, body, who);
    }

    @PostMapping("/items/{source}/{id}/blocks")
    public ResponseEntity<Map<String, Object>> block(@PathVariable String source, @PathVariable String id,
                                                     @RequestBody Requests.HoldRequest body, Principal who) {
        return itemHold(source, id, Hold.Kind.BLOCK, body, who);
    }

    @DeleteMapping("/items/{source}/{id}/holds")
    public Map<String, Object> release(@PathVariable String source, @PathVariable String id, Principal who) {
        StoredItem item = item(source, id);
        int released = audit.change(who, "item.release-holds", target(item), () -> snapshots.item(item.id()), () -> {
            int n = pauses.releaseItemHolds(item.id());
            events.append(new PersonEvent.HoldsReleased(who.getName(), item.key(), n));
            return n;
        });
        return Map.of("released", released);
    }

    @PostMapping("/items/{source}/{id}/promises")
    public ResponseEntity<Map<String, Object>> promise(@PathVariable String source, @PathVariable String id,
                                                       @RequestBody Requests.PromiseRequest body, Principal who) {
        StoredItem item = openItem(source, id);
        RequestChecks check = new RequestChecks(today());
        LocalDate by = check.dateAhead(body.promisedFor(), "promisedFor", RequestChecks.PROMISE_AT_MOST_AHEAD);
        Money amount = check.amount(body.amount(), item.open(), "amount");
        if (amount != null && amount.compareTo(item.open()) > 0) {
            check.refuse("amount", amount + " is more than the " + item.open() + " open on " + item.number());
        }
        check.refuseIfAny();
        long created = audit.change(who, "item.promise", target(item), () -> snapshots.item(item.id()), () -> {
            long n = pauses.promise(item.id(), by, amount, item.open(), who.getName());
            events.append(new PersonEvent.PromiseRecorded(who.getName(), item.key(), amount, by));
            return n;
        });
        return created(created);
    }

    @PostMapping("/items/{source}/{id}/payment-plans")
    public ResponseEntity<Map<String, Object>> plan(@PathVariable String source, @PathVariable String id,
                                                    @RequestBody Requests.PlanRequest body, Principal who) {
        StoredItem item = openItem(source, id);
        RequestChecks check = new RequestChecks(today());
        List<Requests.PlanRequest.Instalment> given = check.required(body.instalments(), "instalments");
        check.refuseIfAny();
        if (given.size() > RequestChecks.MAX_INSTALMENTS) {
            throw new InvalidRequest("instalments", given.size() + " instalments; at most " + RequestChecks.MAX_INSTALMENTS + " are allowed");
        }
        List<PaymentPlan.Instalment> instalments = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < given.size(); i++) {
            Requests.PlanRequest.Instalment instalment = check.required(given.get(i), "instalments[" + i + "]");
            if (instalment != null) {
                Money amount = check.amount(instalment.amount(), item.open(), "instalments[" + i + "].amount");
                LocalDate due = check.dateAhead(instalment.due(), "instalments[" + i + "].due", RequestChecks.PLAN_AT_MOST_AHEAD);
                if (due != null && previous != null && due.isBefore(previous)) {
                    check.refuse("instalments[" + i + "].due", due + " is before the instalment ahead of it (" + previous + ")");
                }
                previous = due == null ? previous : due;
                instalments.add(new PaymentPlan.Instalment(due, amount));
            }
        }
        check.refuseIfAny();
        PaymentPlan agreed = agreed(instalments, item);
        long created = audit.change(who, "item.payment-plan", target(item), () -> snapshots.item(item.id()), () -> {
            long n = pauses.plan(item.id(), agreed.instalments(), agreed.openWhenAgreed(), who.getName());
            events.append(new PersonEvent.PaymentPlanRecorded(who.getName(), item.key(), instalments.size()));
            return n;
        });
        return created(created);
    }

    @PostMapping("/items/{source}/{id}/overrides")
    public ResponseEntity<Map<String, Object>> override(@PathVariable String source, @PathVariable String id,
                                                        @RequestBody Requests.OverrideRequest body, Principal who) {
        StoredItem item = openItem(source, id);
        RequestChecks check = new RequestChecks(today());
        ManualOverride.Kind kind = check.oneOf(ManualOverride.Kind.class, body.kind(), "kind");
        String step = check.required(body.step(), "step");
        if (step != null) {
            DunningPolicy inForce = policy.get().policy();
            List<String> steps = inForce.ladders().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .flatMap(l -> l.getValue().occurrences().stream()).map(Ladder.Occurrence::key).distinct().toList();
            if (!steps.contains(step.strip())) {
                check.refuse("step", "'" + RequestChecks.shortened(step) + "' is not a step of policy " + inForce.id() + " v"
                        + inForce.version() + "; its steps are " + String.join(", ", steps));
            }
        }
        check.refuseIfAny();
        long created = audit.change(who, "item.override", target(item), () -> snapshots.item(item.id()), () -> {
            long n = pauses.override(item.id(), kind, step.strip(), today(), who.getName());
            events.append(new PersonEvent.OverrideRecorded(who.getName(), item.key(), kind, step.strip()));
            return n;
        });
        return created(created);
    }

    @PostMapping("/customers/{source}/{id}/opt-outs")
    public ResponseEntity<Map<String, Object>> optOut(@PathVariable String source, @PathVariable String id,
                                                      @RequestBody Requests.OptOutRequest body, Principal who) {
        long customer = customer(source, id);
        RequestChecks check = new RequestChecks(today());
        String given = check.required(body.channel(), "channel");
        check.refuseIfAny();
        Channel channel = Channel.parse(given).filter(Channel::reachesCustomer).orElseThrow(() -> new InvalidRequest("channel",
                "'" + RequestChecks.shortened(given) + "' is not email, sms, whatsapp or letter"));
        audit.change(who, "customer.opt-out", "customer " + source + ":" + id, () -> snapshots.customer(customer), () -> {
            pauses.optOut(customer, channel);
            events.append(new PersonEvent.OptedOut(who.getName(), new CustomerKey(source, id), channel));
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("channel", channel.label()));
    }

    @PostMapping("/customers/{source}/{id}/blocks")
    public ResponseEntity<Map<String, Object>> blockCustomer(@PathVariable String source, @PathVariable String id,
                                                             @RequestBody Requests.HoldRequest body, Principal who) {
        long customer = customer(source, id);
        Hold hold = hold(Hold.Kind.BLOCK, body);
        long created = audit.change(who, "customer.block", "customer " + source + ":" + id, () -> snapshots.customer(customer), () -> {
            long n = pauses.hold(customer, Optional.empty(), Hold.Kind.BLOCK, hold.reason(), today(), hold.until(), who.getName());
            events.append(new PersonEvent.CustomerBlocked(who.getName(), new CustomerKey(source, id), hold.reason()));
            return n;
        });
        return created(created);
    }

    private ResponseEntity<Map<String, Object>> itemHold(String source, String id, Hold.Kind kind, Requests.HoldRequest body, Principal who) {
        StoredItem item = item(source, id);
        Hold hold = hold(kind, body);
        String action = "item." + kind.name().toLowerCase(java.util.Locale.ROOT);
        long created = audit.change(who, action, target(item), () -> snapshots.item(item.id()), () -> {
            long n = pauses.hold(item.customerId(), Optional.of(item.id()), kind, hold.reason(), today(), hold.until(), who.getName());
            events.append(new PersonEvent.ItemHeld(who.getName(), item.key(), kind, hold.reason()));
            return n;
        });
        return created(created);
    }

    /** A dispute or block as asked: a reason of at most 2,000 characters, and an end that has not passed, if any. */
    private Hold hold(Hold.Kind kind, Requests.HoldRequest body) {
        RequestChecks check = new RequestChecks(today());
        String reason = check.text(body.reason(), "reason", RequestChecks.MAX_REASON_LENGTH);
        LocalDate until = check.optionalDateAhead(body.until(), "until", RequestChecks.HOLD_AT_MOST_AHEAD);
        check.refuseIfAny();
        return new Hold(kind, reason, today(), Optional.ofNullable(until));
    }

    /** The plan, if its instalments add up to what is open; the core's refusal names the field. */
    private static PaymentPlan agreed(List<PaymentPlan.Instalment> instalments, StoredItem item) {
        try {
            return PaymentPlan.agree(instalments, item.open());
        } catch (RecoupException e) {
            throw new InvalidRequest(List.of(RequestChecks.fromMessage("instalments", e.getMessage())));
        }
    }

    private static String target(StoredItem item) {
        return "item " + item.key().source() + ":" + item.key().externalId();
    }

    private StoredItem item(String source, String id) {
        return ledger.find(new OpenItemKey(source, id)).orElseThrow(() -> new NotFound("no item " + source + ":" + id));
    }

    private StoredItem openItem(String source, String id) {
        StoredItem item = item(source, id);
        if (item.status() != ItemStatus.OPEN) {
            throw new InvalidRequest("item", source + ":" + id + " is " + item.status() + ", nothing to collect");
        }
        return item;
    }

    private long customer(String source, String id) {
        return pauses.customerId(source, id).orElseThrow(() -> new NotFound("no customer " + source + ":" + id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private static ResponseEntity<Map<String, Object>> created(long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }
}
