package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.util.List;
import java.util.Objects;

/**
 * A postal address. The shapes EPC accepts from 15 November 2026 have town and country structured, street, building
 * number and post code structured when known, and at most two free address lines (hybrid form) for what does not
 * fit. A country with address lines only (no town) is the old unstructured form: it can be read from older files and
 * written into pain.008.001.02, but {@link Pain008Writer} refuses it for 001.08. Lengths follow ISO 20022
 * PostalAddress24: street 70, building number 16, post code 16, town 35, address line 70.
 */
public record PostalAddress(
        String streetName,
        String buildingNumber,
        String postCode,
        String townName,
        String country,
        List<String> addressLines) {

    public PostalAddress {
        streetName = optional("street name", streetName, 70);
        buildingNumber = optional("building number", buildingNumber, 16);
        postCode = optional("post code", postCode, 16);
        townName = optional("town name", townName, 35);
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw invalid("the country must be an ISO 3166 alpha-2 code, not " + country);
        }
        addressLines = List.copyOf(Objects.requireNonNull(addressLines, "addressLines"));
        if (addressLines.size() > 2) {
            throw invalid("a hybrid address has at most two address lines, not " + addressLines.size());
        }
        for (String line : addressLines) {
            if (optional("address line", line, 70) == null) {
                throw invalid("address lines must not be empty");
            }
        }
        if (townName == null && (addressLines.isEmpty() || streetName != null || buildingNumber != null
                || postCode != null)) {
            throw invalid("the town name is mandatory in structured and hybrid addresses");
        }
    }

    public static PostalAddress structured(String streetName, String buildingNumber, String postCode, String townName,
            String country) {
        return new PostalAddress(streetName, buildingNumber, postCode, townName, country, List.of());
    }

    public static PostalAddress hybrid(String postCode, String townName, String country, List<String> addressLines) {
        return new PostalAddress(null, null, postCode, townName, country, addressLines);
    }

    /** The pre-2026 form: country and address lines only. */
    public static PostalAddress unstructured(String country, List<String> addressLines) {
        return new PostalAddress(null, null, null, null, country, addressLines);
    }

    public boolean isFullyStructured() {
        return addressLines.isEmpty();
    }

    /** Country and address lines only, no town: no longer allowed in SEPA messages from 15 November 2026. */
    public boolean isUnstructured() {
        return townName == null;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw invalid("the " + field + " has " + value.length() + " characters, at most " + max + " are allowed");
        }
        return value;
    }

    private static SepaException invalid(String reason) {
        return new SepaException(SepaErrorCode.INVALID_COLLECTION, "Invalid postal address: " + reason);
    }
}
