package io.recoup.adapters.stripe;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our keys in a Checkout Session's metadata: {@code recoup_notice} (our notice id) and one {@code recoup_item_<n>} per
 * item listed, {@code <source>|<external id>|<amount>} (source and id percent-encoded); Stripe allows 50 keys of at most 500 characters, no personal
 * data. Written when the session is made, read when it is paid: the items a payment is for are never guessed.
 */
final class StripeMetadata {
    static final String NOTICE = "recoup_notice";
    static final String ITEM = "recoup_item_";
    /** 50 keys minus the notice and room for the account's own. */
    static final int MAX_ITEMS = 45;

    private StripeMetadata() {
    }

    /** The metadata for a notice of {@code items}. */
    static Map<String, String> of(String notice, List<PaymentEffect.ItemShare> items) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a Checkout Session lists 1 to " + MAX_ITEMS + " items, not " + items.size());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NOTICE, notice);
        for (int i = 0; i < items.size(); i++) {
            PaymentEffect.ItemShare share = items.get(i);
            metadata.put(ITEM + (i + 1), encode(share.item().source()) + "|" + encode(share.item().externalId()) + "|"
                    + share.amount().amount().toPlainString());
        }
        return metadata;
    }

    /** Percent-encoded, so a {@code |} in a source or id cannot shift the fields. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The notice the metadata names, empty when the session is not ours. */
    static Optional<String> notice(Map<String, String> metadata) {
        return Optional.ofNullable(metadata.get(NOTICE)).filter(n -> !n.isBlank());
    }

    /** The items the metadata lists, in {@code currency}; a malformed entry is an {@link IllegalArgumentException}. */
    static List<PaymentEffect.ItemShare> items(Map<String, String> metadata, String currency) {
        List<PaymentEffect.ItemShare> items = new ArrayList<>();
        for (int i = 1; metadata.containsKey(ITEM + i); i++) {
            String value = metadata.get(ITEM + i);
            String[] parts = value.split("\\|", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("metadata " + ITEM + i + " is not <source>|<external id>|<amount>: " + value);
            }
            items.add(new PaymentEffect.ItemShare(new OpenItemKey(decode(parts[0]), decode(parts[1])), Money.of(parts[2], currency)));
        }
        return items;
    }
}
