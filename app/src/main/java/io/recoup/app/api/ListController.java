package io.recoup.app.api;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.store.Database;
import io.recoup.store.listing.Listings;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lists a person pages through: open items, notices, and the tasks that need a person. Each takes {@code page}
 * and {@code size} (see {@link Page}) and optional filters; a filter value that cannot match (an unknown status) is
 * refused by name rather than answered with an empty page.
 */
@RestController
@RequestMapping("/api")
public class ListController {
    private static final List<String> ITEM_STATUSES = Arrays.stream(ItemStatus.values()).map(Enum::name).toList();
    private static final List<String> NOTICE_STATUSES = Arrays.stream(NoticeStatus.values()).map(Enum::name).toList();

    private final Listings listings;

    public ListController(Database db) {
        this.listings = new Listings(db);
    }

    @GetMapping("/items")
    public Map<String, Object> items(@RequestParam(required = false) String source, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String customer, @RequestParam(required = false) String currency,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        String wanted = oneOf(check, status, "status", ITEM_STATUSES);
        String inCurrency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (inCurrency != null && !inCurrency.matches("[A-Z]{3}")) {
            check.refuse("currency", "'" + RequestChecks.shortened(currency) + "' is not an ISO 4217 code such as EUR");
        }
        Page p = pageOf(check, page, size);
        return p.body("items", listings.items(new Listings.ItemFilter(source, wanted, customer, inCurrency, dueBefore), p.offset(), p.limit()));
    }

    @GetMapping("/notices")
    public Map<String, Object> notices(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                                       @RequestParam(required = false) String customer,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFrom,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedTo,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        String wanted = oneOf(check, status, "status", NOTICE_STATUSES);
        Page p = pageOf(check, page, size);
        return p.body("notices", listings.notices(filter(wanted, channel, customer, plannedFrom, plannedTo), p.offset(), p.limit()));
    }

    /** Notices waiting for a person: open tasks and notices parked because sending failed, each with its reason. */
    @GetMapping("/tasks")
    public Map<String, Object> tasks(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                                     @RequestParam(required = false) String customer,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        String wanted = oneOf(check, status, "status", Listings.TASK_STATUSES);
        Page p = pageOf(check, page, size);
        return p.body("tasks", listings.tasks(filter(wanted, channel, customer, null, null), p.offset(), p.limit()));
    }

    private static Listings.NoticeFilter filter(String status, String channel, String customer, LocalDate from, LocalDate to) {
        return new Listings.NoticeFilter(status, channel == null ? null : channel.strip().toUpperCase(Locale.ROOT), customer, from, to);
    }

    /** The page; refuses the request with every problem of the filters and the page, if any. */
    private static Page pageOf(RequestChecks check, Integer page, Integer size) {
        Page p = Page.of(check, page, size);
        check.refuseIfAny();
        return p;
    }

    private static String oneOf(RequestChecks check, String value, String field, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(wanted)) {
            check.refuse(field, "'" + RequestChecks.shortened(value) + "' is not one of " + String.join(", ", allowed));
            return null;
        }
        return wanted;
    }
}
