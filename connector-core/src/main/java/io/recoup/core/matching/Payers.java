package io.recoup.core.matching;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who paid, as far as the evidence goes: an IBAN known for exactly one customer (from the ledger, from earlier
 * payments, or from a person's resolution), or a payer name that, written the way banks write names (upper case,
 * umlauts spelled out, legal form left off), is the name of exactly one customer. When the IBAN and the name point at
 * different customers, or either points at several, nobody is identified.
 */
public final class Payers {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "ek", "mbh", "co", "und", "and",
            "ltd", "limited", "plc", "llc", "inc", "corp", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "se", "oy", "ab",
            "as", "aps", "sl", "lda", "kft", "sp", "zoo", "the", "cokg", "gmbhco");

    private final Map<String, Set<String>> customersByIban = new HashMap<>();
    private final Map<String, Set<String>> customersByName = new HashMap<>();

    /** Who paid, and how that is known; empty when nobody is identified. */
    public record Identification(Optional<String> customer, String evidence) {
        static Identification nobody(String why) {
            return new Identification(Optional.empty(), why);
        }
    }

    /**
     * @param items           the open items, whose customers' names are known
     * @param ibansByCustomer the IBANs known to belong to each customer ({@code source:id} -> IBANs)
     * @param namesByCustomer payer names seen before for each customer, besides the ledger's name
     */
    public Payers(Collection<MatchableItem> items, Map<String, Set<String>> ibansByCustomer,
                  Map<String, Set<String>> namesByCustomer) {
        Set<String> named = new HashSet<>();
        for (MatchableItem item : items) {
            if (named.add(item.customer())) {
                addName(item.customer(), item.customerName());
            }
        }
        ibansByCustomer.forEach((customer, ibans) -> ibans.forEach(iban -> addIban(customer, iban)));
        namesByCustomer.forEach((customer, names) -> names.forEach(name -> addName(customer, name)));
    }

    /**
     * The same as from the open items, from their customers' names directly ({@code source:id} -> name), for a run that
     * reads only some of the items ({@link MatchCandidates}).
     */
    public static Payers ofCustomers(Map<String, String> nameByCustomer, Map<String, Set<String>> ibansByCustomer) {
        Payers payers = new Payers(List.of(), ibansByCustomer, Map.of());
        nameByCustomer.forEach(payers::addName);
        return payers;
    }

    public static Payers none(Collection<MatchableItem> items) {
        return new Payers(items, Map.of(), Map.of());
    }

    /** Adds what a person or an earlier payment taught: this IBAN pays for this customer. */
    public void learnIban(String customer, String iban) {
        addIban(customer, iban);
    }

    Identification identify(ReceiptToMatch receipt) {
        Set<String> byIban = receipt.payerIban() == null ? Set.of() : customersByIban.getOrDefault(iban(receipt.payerIban()), Set.of());
        Set<String> byName = new HashSet<>(2);
        for (String key : names(receipt.payerName())) {
            byName.addAll(customersByName.getOrDefault(key, Set.of()));
        }
        if (byIban.size() > 1) {
            return Identification.nobody("IBAN " + masked(receipt.payerIban()) + " pays for " + byIban.size() + " customers");
        }
        if (byIban.size() == 1) {
            String customer = byIban.iterator().next();
            if (!byName.isEmpty() && !byName.contains(customer)) {
                return Identification.nobody("the IBAN points at customer " + customer + ", the name at another");
            }
            return new Identification(Optional.of(customer), "IBAN " + masked(receipt.payerIban()) + " known for " + customer);
        }
        if (byName.size() == 1) {
            String customer = byName.iterator().next();
            return new Identification(Optional.of(customer), "payer name '" + receipt.payerName() + "' is customer " + customer);
        }
        return Identification.nobody(byName.size() > 1 ? "payer name fits " + byName.size() + " customers" : "payer not known");
    }

    private void addIban(String customer, String iban) {
        if (iban != null && !iban.isBlank()) {
            customersByIban.computeIfAbsent(iban(iban), k -> new HashSet<>(2)).add(customer);
        }
    }

    private void addName(String customer, String name) {
        for (String key : names(name)) {
            customersByName.computeIfAbsent(key, k -> new HashSet<>(2)).add(customer);
        }
    }

    static String iban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The ways a bank may write a name: lower case, accents and legal forms left off, umlauts spelled out ("mueller")
     * or dropped ("muller").
     */
    static Set<String> names(String name) {
        if (name == null || name.isBlank()) {
            return Set.of();
        }
        // letters NFD does not take apart, as banks spell them
        String lower = name.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        Set<String> keys = new HashSet<>(2);
        for (String spelled : new String[] {lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ø", "oe")
                .replace("å", "aa"), lower.replace("ø", "o")}) {
            String key = plain(spelled);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Words of letters and digits, accents off, legal forms left out, joined by single spaces. */
    private static String plain(String spelled) {
        String text = spelled.replace(".", "");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                // accents come off only after NFD; most names on statements are ASCII already
                text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        StringBuilder key = new StringBuilder(text.length());
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = text.substring(start, i);
                if (!LEGAL_FORMS.contains(word)) {
                    key.append(key.isEmpty() ? "" : " ").append(word);
                }
                start = -1;
            }
        }
        return key.toString();
    }

    /** The IBAN's country and last four characters, never the whole account, in texts that may reach logs. */
    public static String masked(String iban) {
        String compact = iban(iban);
        return compact.length() <= 8 ? "****" : compact.substring(0, 2) + "**" + compact.substring(compact.length() - 4);
    }
}
