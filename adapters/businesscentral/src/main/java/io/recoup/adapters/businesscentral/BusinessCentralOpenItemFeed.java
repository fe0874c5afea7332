package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemFeed;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Business Central source's sales invoices, company by company and page by page as the server cuts them
 * ({@code Prefer: odata.maxpagesize}, following {@code @odata.nextLink}). A full sync asks for what is open
 * ({@code status eq 'Open' and remainingAmount gt 0}); an incremental one for every posted invoice whose
 * {@code lastModifiedDateTime} is at or after the given time, open or not, and reports those now paid, cancelled or
 * settled as closed. Customers come with their invoices through {@code $expand=customer}: one request per page, and a
 * customer always as current as the invoice that names it (a separate customers query would double the requests and
 * could see a customer changed between the two). The watermark is the latest {@code lastModifiedDateTime} read.
 */
public final class BusinessCentralOpenItemFeed implements OpenItemFeed {
    private static final Logger LOG = LoggerFactory.getLogger(BusinessCentralOpenItemFeed.class);
    static final String OPEN = "status eq 'Open' and remainingAmount gt 0";

    private final BcSettings settings;
    private final BcClient client;
    private final Companies companies;
    private final InvoiceMapper mapper;

    BusinessCentralOpenItemFeed(BcSettings settings, BcClient client, Companies companies) {
        this.settings = settings;
        this.client = client;
        this.companies = companies;
        this.mapper = new InvoiceMapper(settings);
    }

    BcClient client() {
        return client;
    }

    @Override
    public String sourceName() {
        return settings.source();
    }

    @Override
    public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages) {
        int requestsBefore = client.requests();
        Instant watermark = null;
        int pageCount = 0;
        try {
            for (String company : companies.ids()) {
                URI next = firstPage(company, request);
                for (int page = 1; next != null; page++) {
                    JsonNode body = client.get(next, settings.pageSize());
                    Read read = read(company, page, body.path("value"));
                    watermark = later(watermark, read.latestChange());
                    pageCount++;
                    pages.accept(read.page());
                    next = BcClient.nextLink(next, body);
                }
            }
        } catch (BcFault e) {
            throw new FeedUnavailable(settings.source(), e.getMessage(), e);
        }
        LOG.info("{}: {} sync read {} pages in {} requests", settings.source(), request.isFull() ? "full" : "incremental",
                pageCount, client.requests() - requestsBefore);
        return new FeedSyncResult(Optional.ofNullable(watermark), pageCount, client.requests() - requestsBefore);
    }

    URI firstPage(String company, FeedSyncRequest request) {
        String filter = request.changedSince()
                .map(since -> "lastModifiedDateTime ge " + since + " and (status eq 'Open' or status eq 'Paid'"
                        + " or status eq 'Canceled' or status eq 'Corrective')")
                .orElse(OPEN);
        BcMapping mapping = settings.mapping();
        return client.resolve("companies(" + company + ")/salesInvoices?$filter=" + BcClient.encode(filter)
                + "&$select=" + BcClient.encode(mapping.invoiceSelect())
                + "&$expand=" + BcClient.encode("customer($select=" + mapping.customerSelect() + ")"));
    }

    /** One page's records sorted into rows, closed items and refusals, every record accounted for. */
    private Read read(String company, int page, JsonNode records) {
        String origin = settings.source() + " company " + company + " salesInvoices page " + page;
        List<LedgerBatch.Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<FeedPage.Closed> closed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<OpenItemKey> seen = new HashSet<>();
        Instant latest = null;
        int unnamed = 0;
        long line = 0;
        for (JsonNode record : records) {
            line++;
            latest = later(latest, changedAt(record));
            InvoiceMapper.Outcome outcome = mapper.map(company, record);
            if (outcome instanceof InvoiceMapper.Open open) {
                rows.add(new LedgerBatch.Row(line, record.toString(), open.record()));
                seen.add(open.record().item().key());
                if (open.blocked()) {
                    warnings.add("line " + line + ": customer " + open.record().customer().key()
                            + " is blocked in Business Central; its item is loaded into segment "
                            + settings.blockedSegment());
                }
            } else if (outcome instanceof InvoiceMapper.Closed gone) {
                closed.add(new FeedPage.Closed(gone.key(), gone.reason()));
                seen.add(gone.key());
            } else if (outcome instanceof InvoiceMapper.Refused refused) {
                rejections.add(new Rejection(origin, line, refused.field(), refused.reason(), record.toString()));
                refused.key().ifPresent(seen::add);
                unnamed += refused.key().isPresent() ? 0 : 1;
            }
        }
        // the batch accounts for the records meant to load; closed ones are reported beside it
        LedgerBatch batch = new LedgerBatch(origin, rows.size() + rejections.size(), rows, rejections, warnings);
        return new Read(new FeedPage(batch, closed, seen, unnamed), latest);
    }

    private static Instant changedAt(JsonNode record) {
        String text = record.path("lastModifiedDateTime").asText("");
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private record Read(FeedPage page, Instant latestChange) {}
}
