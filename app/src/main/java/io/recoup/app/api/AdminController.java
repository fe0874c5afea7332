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
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.plan.PauseRepository;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pauses and overrides recorded by people, each written to the event log with who did it, and the explanation of an
 * item: its state, what pauses it, and every notice with the reason it was (or was not) sent.
 */
@RestController
@RequestMapping("/api")
public class AdminController {
    private final Database db;
    private final LedgerRepository ledger;
    private final PauseRepository pauses;
    private final EventLog events;
    private final Clock clock;

    public AdminController(Database db, Clock clock) {
        this.db = db;
        this.ledger = new LedgerRepository(db);
        this.pauses = new PauseRepository(db);
        this.events = new EventLog(db);
        this.clock = clock;
    }

    @GetMapping("/items/{source}/{id}")
    public Map<String, Object> explain(@PathVariable String source, @PathVariable String id) {
        StoredItem item = item(source, id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", Map.of("number", item.number(), "dueDate", item.dueDate(), "open", item.open().toString(),
                "status", item.status(), "creditorReference", item.creditorReference()));
        view.put("pauses", pauses.pausesOf(item.id()));
        view.put("notices", pauses.historyOf(item.id()));
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
        int released = db.inTransaction(() -> {
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
        LocalDate by = required(body.promisedFor(), "promisedFor");
        Money amount = positive(body.amount(), item, "amount");
        if (by.isBefore(today())) {
            throw new IllegalArgumentException("promisedFor " + by + " is in the past");
        }
        long created = db.inTransaction(() -> {
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
        List<Requests.PlanRequest.Instalment> given = required(body.instalments(), "instalments");
        List<PaymentPlan.Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Money amount = positive(given.get(i).amount(), item, "instalments[" + i + "].amount");
            instalments.add(new PaymentPlan.Instalment(required(given.get(i).due(), "instalments[" + i + "].due"), amount));
        }
        PaymentPlan agreed = PaymentPlan.agree(instalments, item.open());
        long created = db.inTransaction(() -> {
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
        ManualOverride.Kind kind = enumOf(ManualOverride.Kind.class, required(body.kind(), "kind"), "kind");
        String step = required(body.step(), "step");
        long created = db.inTransaction(() -> {
            long n = pauses.override(item.id(), kind, step, today(), who.getName());
            events.append(new PersonEvent.OverrideRecorded(who.getName(), item.key(), kind, step));
            return n;
        });
        return created(created);
    }

    @PostMapping("/customers/{source}/{id}/opt-outs")
    public ResponseEntity<Map<String, Object>> optOut(@PathVariable String source, @PathVariable String id,
                                                      @RequestBody Requests.OptOutRequest body, Principal who) {
        long customer = customer(source, id);
        Channel channel = Channel.parse(required(body.channel(), "channel")).filter(Channel::reachesCustomer)
                .orElseThrow(() -> new IllegalArgumentException("channel: '" + body.channel() + "' is not email, sms, whatsapp or letter"));
        db.inTransaction(() -> {
            pauses.optOut(customer, channel);
            events.append(new PersonEvent.OptedOut(who.getName(), new CustomerKey(source, id), channel));
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("channel", channel.label()));
    }

    @PostMapping("/customers/{source}/{id}/blocks")
    public ResponseEntity<Map<String, Object>> blockCustomer(@PathVariable String source, @PathVariable String id,
                                                             @RequestBody Requests.HoldRequest body, Principal who) {
        long customer = customer(source, id);
        String reason = required(body.reason(), "reason");
        long created = db.inTransaction(() -> {
            long n = pauses.hold(customer, Optional.empty(), Hold.Kind.BLOCK, reason, today(), Optional.ofNullable(body.until()), who.getName());
            events.append(new PersonEvent.CustomerBlocked(who.getName(), new CustomerKey(source, id), reason));
            return n;
        });
        return created(created);
    }

    @ExceptionHandler({IllegalArgumentException.class, RecoupException.class})
    public ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    private ResponseEntity<Map<String, Object>> itemHold(String source, String id, Hold.Kind kind, Requests.HoldRequest body, Principal who) {
        StoredItem item = item(source, id);
        String reason = required(body.reason(), "reason");
        long created = db.inTransaction(() -> {
            long n = pauses.hold(item.customerId(), Optional.of(item.id()), kind, reason, today(), Optional.ofNullable(body.until()),
                    who.getName());
            events.append(new PersonEvent.ItemHeld(who.getName(), item.key(), kind, reason));
            return n;
        });
        return created(created);
    }

    private StoredItem item(String source, String id) {
        return ledger.find(new OpenItemKey(source, id)).orElseThrow(() -> new NotFound("no item " + source + ":" + id));
    }

    private StoredItem openItem(String source, String id) {
        StoredItem item = item(source, id);
        if (item.status() != ItemStatus.OPEN) {
            throw new IllegalArgumentException("item " + source + ":" + id + " is " + item.status() + ", nothing to collect");
        }
        return item;
    }

    private long customer(String source, String id) {
        return pauses.customerId(source, id).orElseThrow(() -> new NotFound("no customer " + source + ":" + id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private static Money positive(java.math.BigDecimal amount, StoredItem item, String field) {
        Money money = Money.of(required(amount, field), item.open().currency());
        if (!money.isPositive()) {
            throw new IllegalArgumentException(field + ": " + money + " is not a positive amount");
        }
        return money;
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    private static ResponseEntity<Map<String, Object>> created(long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    /** An item or customer the path names does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
