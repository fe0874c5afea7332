package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.ArrayList;
import java.util.List;

/**
 * The companies a source reads, as Business Central ids: the {@code companies} setting may give ids or names (the
 * company's {@code name} or {@code displayName}); they are looked up once, at the first request, since only the tenant
 * knows them. A name the tenant does not have fails with the setting named.
 */
final class Companies {
    private final BcSettings settings;
    private final BcClient client;
    private List<String> ids;

    Companies(BcSettings settings, BcClient client) {
        this.settings = settings;
        this.client = client;
    }

    synchronized List<String> ids() {
        if (ids == null) {
            JsonNode companies = client.get(client.resolve("companies?$select=id,name,displayName"), 0).path("value");
            List<String> resolved = new ArrayList<>();
            for (String wanted : settings.companies()) {
                resolved.add(find(companies, wanted));
            }
            ids = List.copyOf(resolved);
        }
        return ids;
    }

    boolean isConfigured(String companyId) {
        return ids().contains(companyId);
    }

    private String find(JsonNode companies, String wanted) {
        for (JsonNode company : companies) {
            if (wanted.equalsIgnoreCase(company.path("id").asText())) {
                return company.path("id").asText();
            }
        }
        for (JsonNode company : companies) {
            if (wanted.equals(company.path("name").asText()) || wanted.equals(company.path("displayName").asText())) {
                return company.path("id").asText();
            }
        }
        throw new RecoupException(ErrorCode.INVALID_SOURCE, "source " + settings.source() + ": setting companies names '"
                + wanted + "', which the tenant at " + settings.baseUrl() + " has neither as id nor as name");
    }
}
