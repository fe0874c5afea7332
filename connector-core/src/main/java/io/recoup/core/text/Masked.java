package io.recoup.core.text;

/**
 * Personal data as logs may show it: enough to tell two customers apart when reading a log next to the dashboard,
 * never the whole phone number or e-mail address. The one place this is said.
 */
public final class Masked {
    private Masked() {
    }

    /** "+49******4567" for "+49 151 2345 4567": the country prefix and the last four digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "-";
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() <= 6) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** "j***@example.com" for "jane.doe@example.com": the first letter and the domain. */
    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** A phone number or an e-mail address, whichever {@code address} is. */
    public static String address(String address) {
        return address != null && address.contains("@") ? email(address) : phone(address);
    }
}
