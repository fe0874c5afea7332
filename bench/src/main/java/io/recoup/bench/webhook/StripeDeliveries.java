package io.recoup.bench.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the bench sends: Stripe events shaped like a {@code checkout.session.completed} as Stripe delivers it (about
 * 2 KB, our metadata on the session), a share of them delivered again, shuffled; and the {@code Stripe-Signature}
 * Stripe would send, made per delivery with the endpoint's secret over {@code t.body} at the time of sending.
 */
final class StripeDeliveries {
    private final String secret;
    private final ThreadLocal<Mac> macs;

    StripeDeliveries(String secret) {
        this.secret = secret;
        this.macs = ThreadLocal.withInitial(this::mac);
    }

    /** {@code deliveries} bodies of events named {@code <prefix><n>}, {@code duplicates} of them a second delivery. */
    static List<byte[]> shuffled(String prefix, int deliveries, double duplicates, long seed) {
        int distinct = (int) Math.round(deliveries * (1 - duplicates));
        List<byte[]> bodies = new ArrayList<>(deliveries);
        for (int i = 0; i < distinct; i++) {
            bodies.add(event(prefix + i, i));
        }
        Random random = new Random(seed);
        while (bodies.size() < deliveries) {
            bodies.add(bodies.get(random.nextInt(distinct)));
        }
        Collections.shuffle(bodies, random);
        return bodies;
    }

    /** How many different events {@code shuffled} makes for {@code deliveries}. */
    static int distinct(int deliveries, double duplicates) {
        return (int) Math.round(deliveries * (1 - duplicates));
    }

    /** The header Stripe would send now for {@code body}. */
    String sign(byte[] body) {
        long t = System.currentTimeMillis() / 1000;
        Mac mac = macs.get();
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    Optional<String> header(byte[] body) {
        return Optional.of(sign(body));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] event(String id, int n) {
        String session = "cs_test_a1" + Integer.toString(n, 36) + "YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY";
        long amount = 1000 + n % 90_000;
        String json = """
                {"id":"%s","object":"event","api_version":"2024-06-20","created":%d,"livemode":false,"pending_webhooks":1,\
                "request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed","data":{"object":{\
                "id":"%s","object":"checkout.session","after_expiration":null,"allow_promotion_codes":null,\
                "amount_subtotal":%d,"amount_total":%d,"automatic_tax":{"enabled":false,"liability":null,"status":null},\
                "billing_address_collection":null,"cancel_url":null,"client_reference_id":"recoup-notice-%d",\
                "consent":null,"consent_collection":null,"created":1780000000,"currency":"eur","custom_fields":[],\
                "custom_text":{"after_submit":null,"shipping_address":null,"submit":null,"terms_of_service_acceptance":null},\
                "customer":null,"customer_creation":"if_required","customer_details":{"address":null,\
                "email":"ap%d@example.com","name":null,"phone":null,"tax_exempt":"none","tax_ids":[]},"customer_email":null,\
                "expires_at":1780082800,"invoice":null,"invoice_creation":{"enabled":false,"invoice_data":{\
                "account_tax_ids":null,"custom_fields":null,"description":null,"footer":null,"issuer":null,"metadata":{},\
                "rendering_options":null}},"livemode":false,"locale":null,"metadata":{"recoup_notice":"%d",\
                "recoup_item_1":"csv|INV-2026-%06d|%d.%02d"},"mode":"payment","payment_intent":"pi_3Pgafy%08dWSjxsAJo3",\
                "payment_link":null,"payment_method_collection":"if_required","payment_method_configuration_details":null,\
                "payment_method_options":{"card":{"request_three_d_secure":"automatic"}},"payment_method_types":["card"],\
                "payment_status":"paid","phone_number_collection":{"enabled":false},"recovered_from":null,\
                "saved_payment_method_options":null,"setup_intent":null,"shipping_address_collection":null,\
                "shipping_cost":null,"shipping_details":null,"shipping_options":[],"status":"complete","submit_type":null,\
                "subscription":null,"success_url":"https://pay.example.com/thanks","total_details":{"amount_discount":0,\
                "amount_shipping":0,"amount_tax":0},"ui_mode":"hosted","url":null},"previous_attributes":null}}""".formatted(
                id, 1_780_000_000L + n, session, amount, amount, n, n % 5000, n, n, amount / 100, amount % 100, n);
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
