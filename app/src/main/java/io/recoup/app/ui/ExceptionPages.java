package io.recoup.app.ui;

import io.recoup.app.api.ExceptionsController;
import io.recoup.app.api.ExceptionsController.AllocationRequest;
import io.recoup.app.api.ExceptionsController.ResolutionRequest;
import io.recoup.app.api.InvalidRequest;
import io.recoup.core.matching.Payers;
import io.recoup.routes.match.ExceptionQueue;
import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import io.recoup.store.report.DashboardTables;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exceptions queue as a page: what waits, with its reason and the payer's account masked, and the resolutions the
 * exceptions API offers (allocate to an item, not ours, refund), each with a reason, through the exceptions API's own
 * controller and so its checks and {@link ExceptionQueue} calls: a resolution from the page is refused for the same
 * reasons and logged under the signed-in user's name.
 */
@Controller
@RequestMapping("/ui/exceptions")
public class ExceptionPages {
    static final List<String> COLUMNS = List.of("receipt", "bank_reference", "status", "currency", "amount", "unallocated",
            "booked_on", "payer_name", "payer_iban", "remittance", "reason");

    private final DashboardReads reads;
    private final ExceptionsController api;
    private final Clock clock;

    public ExceptionPages(Database db, ExceptionsController api, Clock clock) {
        this.reads = new DashboardReads(db);
        this.api = api;
        this.clock = clock;
    }

    @GetMapping
    public String waiting(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("table", UiTable.of("exceptions", COLUMNS,
                reads.page(DashboardTables.exceptions(), Math.max(0, page), DashboardPages.bounded(size)), clock.getZone(),
                ExceptionPages::masked));
        return "ui/exceptions";
    }

    @PostMapping("/{receipt}/not-ours")
    public String notOurs(@PathVariable long receipt, @RequestParam(defaultValue = "") String reason, Principal who,
                          RedirectAttributes flash) {
        return resolve(flash, receipt, "marked as not ours", () -> api.notOurs(receipt, new ResolutionRequest(reason), who));
    }

    @PostMapping("/{receipt}/refund")
    public String refund(@PathVariable long receipt, @RequestParam(defaultValue = "") String reason, Principal who,
                         RedirectAttributes flash) {
        return resolve(flash, receipt, "to be refunded", () -> api.refund(receipt, new ResolutionRequest(reason), who));
    }

    @PostMapping("/{receipt}/allocate")
    public String allocate(@PathVariable long receipt, @RequestParam String source, @RequestParam String item,
                           @RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String reason,
                           Principal who, RedirectAttributes flash) {
        var share = new AllocationRequest.Share(source, item, amount);
        return resolve(flash, receipt, "allocated to " + source + ":" + item,
                () -> api.allocate(receipt, new AllocationRequest(List.of(share), reason), who));
    }

    private static String resolve(RedirectAttributes flash, long receipt, String done, Runnable resolution) {
        try {
            resolution.run();
            flash.addFlashAttribute("done", "Receipt " + receipt + " " + done + ".");
        } catch (ExceptionQueue.Refused e) {
            flash.addFlashAttribute("refused", "Receipt " + receipt + ": " + e.field() + ": " + e.getMessage());
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("refused", "Receipt " + receipt + ": " + e.getMessage());
        }
        return "redirect:/ui/exceptions";
    }

    static Map<String, Object> masked(Map<String, Object> row) {
        Map<String, Object> shaped = new LinkedHashMap<>(row);
        Object iban = row.get("payer_iban");
        shaped.put("payer_iban", iban == null ? null : Payers.masked(iban.toString()));
        return shaped;
    }
}
