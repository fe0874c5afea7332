package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.routes.receive.ProviderEventRoutes;
import io.recoup.store.Database;
import io.recoup.store.TemporaryFolders;
import io.recoup.store.ledger.LedgerRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The load case end to end on the running application: 10,000 signed Stripe deliveries over HTTP, 30% of them
 * an event delivered again, shuffled, from eight concurrent senders, while two workers take effect from the queue as
 * the application's timer and a second instance would. Each payment must end as exactly one receipt, one allocation and
 * one posting, counted in PostgreSQL, and every item it names paid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.payments.stripe.webhook-secrets[0]=" + StripeWebhookLoadIT.SECRET})
class StripeWebhookLoadIT {
    static final String SECRET = "whsec_test_webhook_load_it";
    private static final Path HOME = TemporaryFolders.create("recoup-stripe-webhook-load-it");
    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    /** Each paid by one Checkout Session, told by two events (completed, then async succeeded). */
    private static final int PAYMENTS = 3500;
    private static final int CUSTOMERS = 35;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    Database db;
    @Autowired
    CamelContext camel;
    @Autowired
    SettableClock clock;

    @Test
    void tenThousandSignedDeliveriesWithThirtyPercentDuplicatesFromEightSendersEndInOneReceiptAllocationAndPostingPerPayment()
            throws Exception {
        LedgerRepository ledger = new LedgerRepository(db);
        for (int i = 0; i < PAYMENTS; i++) {
            item(ledger, i);
        }
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            deliveries.add(paid("evt_load_c" + i, "checkout.session.completed", i));
            deliveries.add(paid("evt_load_a" + i, "checkout.session.async_payment_succeeded", i));
        }
        Random random = new Random(13);
        for (int k = 0; k < 3000; k++) {
            deliveries.add(deliveries.get(random.nextInt(2 * PAYMENTS)));
        }
        Collections.shuffle(deliveries, random);
        assertThat(deliveries).hasSize(10_000);
        assertThat(new HashSet<>(deliveries)).hasSize(2 * PAYMENTS);

        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> working = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                working.add(workers.submit(() -> {
                    ProducerTemplate worker = camel.createProducerTemplate();
                    while (sending.get()) {
                        worker.sendBody(ProviderEventRoutes.PROCESS, null);
                    }
                    return null;
                }));
            }
            List<Future<HttpStatusCode>> answers = new ArrayList<>();
            for (String body : deliveries) {
                answers.add(senders.submit(() -> deliver(body)));
            }
            for (Future<HttpStatusCode> answer : answers) {
                assertThat(answer.get()).isEqualTo(HttpStatus.OK);
            }
            sending.set(false);
            for (Future<?> worker : working) {
                worker.get();
            }
        } finally {
            sending.set(false);
            senders.shutdownNow();
            workers.shutdownNow();
        }
        // what the workers left (the last deliveries came after their last run): a run handles up to a batch
        for (int run = 0; run < 20 && count("select count(*) from provider_event where status = 'NEW'") > 0; run++) {
            camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);
        }

        assertThat(count("select count(*) from provider_event where event_id like 'evt_load_%'")).isEqualTo(2L * PAYMENTS);
        assertThat(count("select count(*) from provider_event where status = 'HANDLED'")).isEqualTo(2L * PAYMENTS);
        assertThat(count("select count(*) from receipt where provider = 'stripe'")).isEqualTo(PAYMENTS);
        assertThat(count("select count(distinct provider_id) from receipt where provider = 'stripe'")).isEqualTo(PAYMENTS);
        assertThat(count("select count(*) from allocation a join receipt r on r.id = a.receipt_id where r.provider = 'stripe'"))
                .isEqualTo(PAYMENTS);
        assertThat(count("select count(*) from receipt where provider = 'stripe' and status = 'MATCHED' and unallocated = 0"))
                .isEqualTo(PAYMENTS);
        assertThat(count("select count(*) from posting")).isEqualTo(PAYMENTS);
        assertThat(count("select count(*) from open_item where external_id like 'LOAD-%' and status = 'PAID' and open_amount = 0"))
                .isEqualTo(PAYMENTS);
    }

    private void item(LedgerRepository ledger, int i) {
        Customer customer = new Customer(new CustomerKey("csv", "LOAD-C" + i % CUSTOMERS), "Load customer " + i % CUSTOMERS,
                Optional.empty(), Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b");
        Money amount = Money.of(amount(i), Money.currencyOf("EUR"));
        ledger.upsertItem(new LedgerRecord(customer, new OpenItem(new OpenItemKey("csv", "LOAD-" + i), customer.key(),
                "LOAD-" + i, DUE.minusDays(30), DUE, amount, amount)), "RF18LOAD" + i);
    }

    /** Amounts that differ from item to item, so a payment applied to the wrong item would leave a balance behind. */
    private static BigDecimal amount(int i) {
        return new BigDecimal(1000 + i % 977).movePointLeft(2);
    }

    /** A paid Checkout Session event naming item {@code i} in its metadata, as our sessions are made. */
    private static String paid(String eventId, String type, int i) {
        BigDecimal amount = amount(i);
        String session = "{\"id\":\"cs_test_load_" + i + "\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
                + "\"payment_intent\":\"pi_load_" + i + "\",\"currency\":\"eur\",\"amount_total\":"
                + amount.movePointRight(2).longValueExact() + ",\"metadata\":{\"recoup_notice\":\"" + (i + 1)
                + "\",\"recoup_item_1\":\"csv|LOAD-" + i + "|" + amount.toPlainString() + "\"}}";
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":1780000000,"
                + "\"data\":{\"object\":" + session + "}}";
    }

    private HttpStatusCode deliver(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Stripe-Signature", StripeTestKit.signature(SECRET, clock.instant().getEpochSecond(), body));
        return http.postForEntity("/webhooks/stripe", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class)
                .getStatusCode();
    }

    private long count(String sql) {
        return db.jdbc().queryForObject(sql, Long.class);
    }
}
