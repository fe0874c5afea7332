package io.recoup.adapters.gocardless;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Our keys in the metadata of what Recoup makes at GoCardless, which allows 3 keys of at most 500 characters:
 * {@code recoup_notice} (the notice, or the collection, a payment is for), {@code recoup_items} (the items, each
 * {@code <source>|<external id>|<amount>}, source and id percent-encoded, separated by {@code ;}) and, on billing
 * requests and mandates, {@code recoup_customer} (our customer key). Written when the object is made, read when its
 * events come: the items a payment is for are never guessed. No personal data.
 */
final class GoCardlessMetadata {
    static final String NOTICE = "recoup_notice";
    static final String ITEMS = "recoup_items";
    static final String CUSTOMER = "recoup_customer";
    static final int MAX_VALUE = 500;

    private GoCardlessMetadata() {
    }

    /** The metadata of a payment for {@code items}; empty when they do not fit in one value. */
    static Optional<Map<String, String>> payment(String notice, List<PaymentEffect.ItemShare> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a payment is for one item or more");
        }
        String listed = items.stream().map(s -> encode(s.item().source()) + "|" + encode(s.item().externalId()) + "|"
                + s.amount().amount().toPlainString()).collect(Collectors.joining(";"));
        if (listed.length() > MAX_VALUE || notice.length() > MAX_VALUE) {
            return Optional.empty();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NOTICE, notice);
        metadata.put(ITEMS, listed);
        return Optional.of(metadata);
    }

    /** The notice the metadata names, empty when the payment is not ours. */
    static Optional<String> notice(Map<String, String> metadata) {
        return Optional.ofNullable(metadata).map(m -> m.get(NOTICE)).filter(n -> !n.isBlank());
    }

    /** Our customer key in the metadata, empty when it has none. */
    static Optional<String> customer(Map<String, String> metadata) {
        return Optional.ofNullable(metadata).map(m -> m.get(CUSTOMER)).filter(n -> !n.isBlank());
    }

    /**
     * The items in the metadata, in {@code currency}.
     *
     * @throws IllegalArgumentException naming the key when it is missing or not of our form
     */
    static List<PaymentEffect.ItemShare> items(Map<String, String> metadata, Currency currency) {
        String listed = metadata.get(ITEMS);
        if (listed == null || listed.isBlank()) {
            throw new IllegalArgumentException(ITEMS + " is missing");
        }
        List<PaymentEffect.ItemShare> items = new ArrayList<>();
        for (String entry : listed.split(";")) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(ITEMS + " is not <source>|<external id>|<amount>;...: " + listed);
            }
            items.add(new PaymentEffect.ItemShare(new OpenItemKey(decode(parts[0]), decode(parts[1])),
                    Money.of(new java.math.BigDecimal(parts[2]), currency)));
        }
        return items;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
