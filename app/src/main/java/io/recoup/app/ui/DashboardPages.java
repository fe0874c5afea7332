package io.recoup.app.ui;

import io.recoup.app.api.DashboardFigures;
import io.recoup.app.api.DsoTrend;
import io.recoup.app.api.Recent;
import io.recoup.app.api.Trends;
import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import io.recoup.store.report.DashboardTables;
import io.recoup.store.report.Listing;
import io.recoup.store.report.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's read-only pages: sign-in, aging with its chart, DSO with its twelve-month trend and the collection
 * effectiveness index, what is scheduled for the next 14 days, failed
 * sends and what needs a person. Tables are read one page at a time ({@code ?page=} from 0, {@code &size=} up to
 * {@value #MAX_SIZE}); each has a CSV export of all its rows ({@link CsvExport}). The aging's sums over every open item
 * are kept up to 30 s ({@link DashboardFigures}): at 1,000,000 items they take a second or more to read.
 */
@Controller
@RequestMapping("/ui")
public class DashboardPages {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** The scheduled page looks this many days ahead. */
    static final int SCHEDULED_DAYS = 14;

    static final List<String> SCHEDULED = List.of("on_date", "kind", "what", "source", "customer", "name", "reason");
    static final List<String> FAILED = List.of("notice", "done_at", "planned_on", "channel", "template", "attempts", "outcome",
            "source", "customer", "name");
    static final List<String> NEEDS_PERSON = List.of("kind", "ref", "risk", "currency", "amount", "open_now", "source", "customer",
            "name", "reason", "risk_reasons", "since");

    /** How deep the needs-a-person pages go, in rows. */
    static final int NEEDS_PERSON_DEPTH = 10_000;
    /** How deep the scheduled pages go, in rows: 40 pages of 50, two weeks of a large ledger's first notices. */
    static final int SCHEDULED_DEPTH = 2_000;

    private final DashboardReads reads;
    private final DsoTrend trend;
    private final Clock clock;
    private final DashboardFigures figures;

    public DashboardPages(Database db, DsoTrend trend, DashboardFigures figures, Clock clock) {
        this.reads = new DashboardReads(db);
        this.trend = trend;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping
    public String home() {
        return "redirect:/ui/aging";
    }

    @GetMapping("/login")
    public String login() {
        return "ui/login";
    }

    @GetMapping("/aging")
    public String aging(Model model) {
        LocalDate today = today();
        Recent.Reading<List<DashboardReads.DueSum>> reading = figures.openByDueDate();
        List<DashboardReads.DueSum> sums = reading.value();
        model.addAttribute("today", today);
        model.addAttribute("summedAt", reading.at().atZone(clock.getZone()).toLocalTime().withNano(0));
        model.addAttribute("lines", Reports.agingLines(sums, today));
        model.addAttribute("totals", Reports.agingTotals(sums, today));
        return "ui/aging";
    }

    @GetMapping("/dso")
    public String dso(Model model) {
        model.addAttribute("today", today());
        // the sums the aging page and the API read too, at most once per DashboardFigures.MAX_AGE: each reads every
        // open item, seconds at 1,000,000 of them
        Recent.Reading<List<DashboardReads.DueSum>> open = figures.openByDueDate();
        model.addAttribute("rows", Reports.dso(open.value(), figures.salesLastDays().value(), figures.salesByMonth().value(),
                today()));
        model.addAttribute("summedAt", open.at().atZone(clock.getZone()).toLocalTime().withNano(0));
        model.addAttribute("standardDays", Reports.DSO_DAYS);
        model.addAttribute("countbackMonths", Reports.COUNTBACK_MONTHS);
        List<Trends.MonthEnd> monthEnds = trend.monthEnds();
        model.addAttribute("trend", monthEnds);
        model.addAttribute("trendCharts", Reports.trendCharts(monthEnds));
        return "ui/dso";
    }

    @GetMapping("/scheduled")
    public String scheduled(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        // notices, promises and instalments each read from their index up to this page and merged, not all that is
        // planned sorted per request; a page costs its depth in all three, so pages stop at SCHEDULED_DEPTH rows (the
        // CSV export has them all)
        int rows = bounded(size);
        int number = Math.max(0, Math.min(page, SCHEDULED_DEPTH / rows - 1));
        return table(model, "Scheduled for the next " + SCHEDULED_DAYS + " days", "scheduled", SCHEDULED,
                reads.scheduled(today(), SCHEDULED_DAYS, number, rows));
    }

    @GetMapping("/failed")
    public String failed(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        return table(model, "Failed sends", DashboardTables.failed(), FAILED, page, size);
    }

    @GetMapping("/needs-person")
    public String needsPerson(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        // tasks and exceptions each read from their index up to this page and merged, not the union sorted per request;
        // so a page deep down costs its depth, and pages stop at NEEDS_PERSON_DEPTH rows (the CSV export has them all)
        int rows = bounded(size);
        int number = Math.max(0, Math.min(page, NEEDS_PERSON_DEPTH / rows - 1));
        return table(model, "Needs a person", "needs-person", NEEDS_PERSON, reads.needsPerson(number, rows));
    }

    private String table(Model model, String title, Listing listing, List<String> columns, int page, int size) {
        return table(model, title, listing.name(), columns, reads.page(listing, Math.max(0, page), bounded(size)));
    }

    private String table(Model model, String title, String name, List<String> columns, Page page) {
        model.addAttribute("title", title);
        model.addAttribute("table", UiTable.of(name, columns, page, clock.getZone(), UnaryOperator.identity()));
        return "ui/table";
    }

    static int bounded(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
