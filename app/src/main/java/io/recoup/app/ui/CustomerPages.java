package io.recoup.app.ui;

import io.recoup.app.api.AdminController;
import io.recoup.app.api.InvalidRequest;
import io.recoup.app.api.NotFound;
import io.recoup.app.api.Requests;
import io.recoup.core.policy.Ladder;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import io.recoup.store.report.DashboardTables;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's page: the items, and the timeline of every notice (with its reason and delivery status), promise,
 * dispute, block, payment plan, payment with its allocation, and posting. From the page a person disputes an item,
 * records a promise to pay or has a step sent now, through the admin API's own controller, so each is checked the same
 * way and written to the event log under the signed-in user's name.
 */
@Controller
@RequestMapping("/ui/customers")
public class CustomerPages {
    static final List<String> ITEMS = List.of("item", "number", "issue_date", "due_date", "currency", "original_amount",
            "open_amount", "status");
    static final List<String> TIMELINE = List.of("at", "kind", "what", "status", "detail");

    private final DashboardReads reads;
    private final AdminController api;
    private final PolicyHolder policy;
    private final Clock clock;

    public CustomerPages(Database db, AdminController api, PolicyHolder policy, Clock clock) {
        this.reads = new DashboardReads(db);
        this.api = api;
        this.policy = policy;
        this.clock = clock;
    }

    /** The customer a person asks for by source and number. */
    @GetMapping
    public String find(@RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String id) {
        if (source.isBlank() || id.isBlank()) {
            return "ui/find-customer";
        }
        return "redirect:" + UiTable.customerLink(Map.of("source", source.strip(), "customer", id.strip()));
    }

    @GetMapping("/{source}/{id}")
    public String customer(@PathVariable String source, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "0") int items, Model model) {
        Map<String, Object> customer = reads.customer(source, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + source + ":" + id));
        long customerId = ((Number) customer.get("id")).longValue();
        model.addAttribute("customer", customer);
        model.addAttribute("items", UiTable.of("items", ITEMS, reads.page(DashboardTables.items(customerId), Math.max(0, items),
                DashboardPages.DEFAULT_SIZE), clock.getZone(), UnaryOperator.identity()));
        model.addAttribute("timeline", UiTable.of("timeline", TIMELINE, reads.page(DashboardTables.timeline(customerId),
                Math.max(0, page), DashboardPages.DEFAULT_SIZE), clock.getZone(), UnaryOperator.identity()));
        model.addAttribute("steps", steps());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), clock.getZone()));
        return "ui/customer";
    }

    @PostMapping("/{source}/{id}/items/{item}/dispute")
    public String dispute(@PathVariable String source, @PathVariable String id, @PathVariable String item,
                          @RequestParam(defaultValue = "") String reason,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                          Principal who, RedirectAttributes flash) {
        return act(flash, source, id, "Item " + item + " is disputed: its reminders pause.",
                () -> api.dispute(source, item, new Requests.HoldRequest(reason, until), who));
    }

    @PostMapping("/{source}/{id}/items/{item}/promise")
    public String promise(@PathVariable String source, @PathVariable String id, @PathVariable String item,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedFor,
                          @RequestParam(required = false) BigDecimal amount, Principal who, RedirectAttributes flash) {
        return act(flash, source, id, "Promise to pay recorded for item " + item + ".",
                () -> api.promise(source, item, new Requests.PromiseRequest(promisedFor, amount), who));
    }

    @PostMapping("/{source}/{id}/items/{item}/send-now")
    public String sendNow(@PathVariable String source, @PathVariable String id, @PathVariable String item,
                          @RequestParam(defaultValue = "") String step, Principal who, RedirectAttributes flash) {
        return act(flash, source, id, "Step " + step + " of item " + item + " goes out with the next planning run.",
                () -> api.override(source, item, new Requests.OverrideRequest("SEND_NOW", step), who));
    }

    private static String act(RedirectAttributes flash, String source, String id, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
        } catch (InvalidRequest | NotFound e) {
            flash.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:" + UiTable.customerLink(Map.of("source", source, "customer", id));
    }

    /** The steps of the policy in force, the ones a person may have sent now. */
    private List<String> steps() {
        return policy.get().policy().ladders().values().stream().flatMap(l -> l.occurrences().stream())
                .map(Ladder.Occurrence::key).distinct().sorted().toList();
    }
}
