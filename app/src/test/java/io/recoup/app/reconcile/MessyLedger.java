package io.recoup.app.reconcile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The ledger side of the messy data set: customers with names as people write them (umlauts, accents, legal forms),
 * most with their IBAN in the ledger, and their invoices, numbered {@code INV-2026-0nnnn} with amounts in cents that
 * rarely repeat. Deterministic for a seed.
 */
final class MessyLedger {
    private static final String[] FIRST = {"Müller", "Schäfer", "Öztürk", "Bäcker", "Dupont", "Lefèvre", "García", "Núñez",
        "Smith", "O'Brien", "Kowalski", "Jørgensen", "Nowak", "Rossi", "Weiß", "Großmann", "Fischer", "Martín", "Søren", "Brandt"};
    private static final String[] SECOND = {"Maschinenbau", "Handel", "Logistik", "Bau", "Consulting", "Textil", "Druck",
        "Elektro", "Foods", "Systems", "Trading", "Services"};
    private static final String[] FORM = {"GmbH", "AG", "GmbH & Co. KG", "SA", "S.L.", "Ltd", "B.V.", "e.K.", "", "S.A.S."};

    record Customer(String id, String name, String iban, boolean ibanInLedger) {}

    record Invoice(String id, String number, Customer customer, LocalDate issued, LocalDate due, String currency, BigDecimal amount) {}

    final List<Customer> customers = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();
    private final Random random;
    private final Set<BigDecimal> amounts = new HashSet<>();

    MessyLedger(Random random, int customerCount, int invoicesPerCustomer) {
        this.random = random;
        Set<String> names = new HashSet<>();
        for (int c = 1; customers.size() < customerCount; c++) {
            String core = FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)];
            String name = (core + " " + FORM[random.nextInt(FORM.length)]).strip();
            // unique without the legal form: banks often leave it off
            if (names.add(core)) {
                customers.add(new Customer("C" + (100 + c), name, iban(), random.nextInt(10) < 7));
            }
        }
        int number = 100;
        for (Customer customer : customers) {
            for (int k = 0; k < invoicesPerCustomer; k++) {
                number += 1 + random.nextInt(3);
                LocalDate issued = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(70));
                invoices.add(new Invoice("I" + number, "INV-2026-%05d".formatted(number), customer, issued, issued.plusDays(30),
                        "EUR", amount()));
            }
        }
    }

    /** An amount between 40 and 4,000 with cents that no other invoice of this ledger has. */
    BigDecimal amount() {
        while (true) {
            BigDecimal amount = BigDecimal.valueOf(4_000 + random.nextInt(396_000), 2);
            if (amounts.add(amount)) {
                return amount;
            }
        }
    }

    Invoice add(Customer customer, String number, String currency, BigDecimal amount) {
        LocalDate issued = LocalDate.of(2026, 2, 1).plusDays(random.nextInt(30));
        amounts.add(amount);
        Invoice invoice = new Invoice("I" + number.replaceAll("\\D", ""), number, customer, issued, issued.plusDays(30), currency, amount);
        invoices.add(invoice);
        return invoice;
    }

    /** A German IBAN with correct check digits (ISO 13616 MOD 97-10) that no customer uses. */
    String iban() {
        StringBuilder bban = new StringBuilder("370400");
        for (int i = 0; i < 12; i++) {
            bban.append(random.nextInt(10));
        }
        int check = 98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return "DE" + (check < 10 ? "0" : "") + check + bban;
    }

    static BigDecimal part(BigDecimal amount, Random random) {
        return amount.multiply(BigDecimal.valueOf(30 + random.nextInt(40))).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** How payer names read on statements. */
    static final class Payer {
        private Payer() {
        }

        /** The name as a bank may print it: upper case, umlauts spelled out or dropped, the legal form left off. */
        static String asBankWrites(String name, Random random) {
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            String spelled = random.nextBoolean()
                    ? upper.replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE").replace("ß", "SS")
                    : java.text.Normalizer.normalize(upper.replace("ß", "SS"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return random.nextInt(3) == 0 ? spelled.replaceAll(" (GMBH.*|AG|SA|S\\.L\\.|LTD|B\\.V\\.|E\\.K\\.|S\\.A\\.S\\.)$", "") : spelled;
        }
    }
}
