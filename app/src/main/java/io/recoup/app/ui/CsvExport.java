package io.recoup.app.ui;

import io.recoup.app.api.DsoTrend;
import io.recoup.app.api.Trends;
import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import io.recoup.store.report.DashboardTables;
import io.recoup.store.report.Listing;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every dashboard table as CSV, all its rows in the page's order, streamed from the database as they are read (a
 * million rows never sit in memory). Cells are written as the page shows them; a cell that a spreadsheet would take
 * for a formula is written with a leading apostrophe, so a payer's remittance text cannot run in finance's Excel.
 */
@RestController
@RequestMapping("/ui/export")
public class CsvExport {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final DashboardReads reads;
    private final DsoTrend trend;
    private final Clock clock;

    public CsvExport(Database db, DsoTrend trend, Clock clock) {
        this.reads = new DashboardReads(db);
        this.trend = trend;
        this.clock = clock;
    }

    @GetMapping("/{table}.csv")
    public ResponseEntity<StreamingResponseBody> table(@PathVariable String table) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Listing listing = switch (table) {
            case "scheduled" -> DashboardTables.scheduled(today, DashboardPages.SCHEDULED_DAYS);
            case "failed" -> DashboardTables.failed();
            case "needs-person" -> DashboardTables.needsPerson();
            case "exceptions" -> DashboardTables.exceptions();
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no table " + table);
        };
        return csv(table + "-" + today, listing, "exceptions".equals(table) ? ExceptionPages::masked : UnaryOperator.identity());
    }

    /** The DSO trend and collection effectiveness: twelve rows per currency, computed, not streamed. */
    @GetMapping("/dso-trend.csv")
    public ResponseEntity<StreamingResponseBody> dsoTrend() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<Trends.MonthEnd> monthEnds = trend.monthEnds();
        ZoneId zone = clock.getZone();
        return csv("dso-trend-" + today, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            line(writer, Trends.COLUMNS);
            monthEnds.forEach(m -> line(writer, m.cells().stream().map(v -> UiTable.cell(v, zone)).toList()));
            writer.flush();
        });
    }

    @GetMapping("/customers/{source}/{id}/{table}.csv")
    public ResponseEntity<StreamingResponseBody> customerTable(@PathVariable String source, @PathVariable String id,
                                                               @PathVariable String table) {
        long customer = reads.customer(source, id).map(c -> ((Number) c.get("id")).longValue())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + source + ":" + id));
        Listing listing = switch (table) {
            case "items" -> DashboardTables.items(customer);
            case "timeline" -> DashboardTables.timeline(customer);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no table " + table);
        };
        return csv(table, listing, UnaryOperator.identity());
    }

    private ResponseEntity<StreamingResponseBody> csv(String file, Listing listing, UnaryOperator<Map<String, Object>> shape) {
        ZoneId zone = clock.getZone();
        return csv(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            reads.stream(listing, columns -> line(writer, columns), row -> line(writer,
                    shape.apply(row).values().stream().map(v -> UiTable.cell(v, zone)).toList()));
            writer.flush();
        });
    }

    private static ResponseEntity<StreamingResponseBody> csv(String file, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .body(body);
    }

    private static void line(Writer writer, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(escaped(cells.get(i)));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV export's client went away", e);
        }
    }

    static String escaped(String cell) {
        String safe = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
