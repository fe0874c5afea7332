package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.HashMap;
import java.util.Map;

/**
 * The configured customer payment journal's id in each company, found by its code once and kept: the code is what a
 * finance team sees and configures, the id is what the API addresses. A company without that journal fails with the
 * setting named, before anything is written.
 */
final class PaymentJournals {
    private final BcSettings settings;
    private final BcClient client;
    private final Map<String, String> ids = new HashMap<>();

    PaymentJournals(BcSettings settings, BcClient client) {
        this.settings = settings;
        this.client = client;
    }

    synchronized String idOf(String company) {
        String known = ids.get(company);
        if (known != null) {
            return known;
        }
        String filter = "code eq '" + settings.journalCode().replace("'", "''") + "'";
        JsonNode journals = client.get(client.resolve("companies(" + company + ")/customerPaymentJournals?$filter="
                + BcClient.encode(filter) + "&$select=id,code"), 0).path("value");
        if (journals.isEmpty()) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "source " + settings.source()
                    + ": setting payment-journal names journal " + settings.journalCode() + ", which company " + company
                    + " does not have (create it as a Cash Receipt Journal batch)");
        }
        String id = journals.get(0).path("id").asText();
        ids.put(company, id);
        return id;
    }
}
