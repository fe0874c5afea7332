package io.recoup.bench.cash;

import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.money.Money;
import io.recoup.sepa.CreditorReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The bench's ledger and payments, deterministic: {@code customers} customers with ten open items each (numbers
 * {@code INV-<n>}, amounts in cents that rarely repeat), each customer with one known IBAN; and payments of the kinds a
 * statement brings, in this mix: 60% RF reference, 15% invoice number with the exact amount, 10% payer and amount
 * only, 10% two invoices in one payment by number, 5% unknown payers.
 */
final class CashData {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final int ITEMS_PER_CUSTOMER = 10;

    record Payment(Money amount, String reference, String text, String payerName, String payerIban) {}

    final List<MatchableItem> items = new ArrayList<>();
    final Map<String, Set<String>> ibans = new HashMap<>();
    final List<Payment> payments = new ArrayList<>();

    CashData(int customers, int paymentCount) {
        Random random = new Random(42);
        for (int c = 1; c <= customers; c++) {
            String customer = "csv:C" + c;
            ibans.put(customer, Set.of(iban(c)));
            for (int k = 0; k < ITEMS_PER_CUSTOMER; k++) {
                long id = (long) (c - 1) * ITEMS_PER_CUSTOMER + k + 1;
                String number = "INV-" + (1_000_000 + id);
                items.add(new MatchableItem(id, number, rf(number), customer, "Customer " + c + " GmbH",
                        DAY.minusDays(random.nextInt(60)), Money.of(BigDecimal.valueOf(1_000 + random.nextInt(5_000_000), 2), eur())));
            }
        }
        Set<Long> used = new HashSet<>();
        while (payments.size() < paymentCount) {
            int kind = random.nextInt(100);
            MatchableItem item = items.get(random.nextInt(items.size()));
            if (!used.add(item.itemId())) {
                continue;
            }
            int customer = Integer.parseInt(item.customer().substring(5));
            if (kind < 60) {
                payments.add(new Payment(item.open(), item.creditorReference(), "", "CUSTOMER " + customer, iban(customer)));
            } else if (kind < 75) {
                payments.add(new Payment(item.open(), null, "Rechnung " + item.number(), "Someone", null));
            } else if (kind < 85) {
                payments.add(new Payment(item.open(), null, "Zahlung", "CUSTOMER " + customer, iban(customer)));
            } else if (kind < 95) {
                MatchableItem second = items.get((int) ((item.itemId() % ITEMS_PER_CUSTOMER == 0 ? item.itemId() - 2 : item.itemId())));
                if (!used.add(second.itemId())) {
                    continue;
                }
                payments.add(new Payment(item.open().plus(second.open()), null, item.number() + ", " + second.number(), "X", null));
            } else {
                payments.add(new Payment(Money.of(BigDecimal.valueOf(1 + random.nextInt(99_999), 2), eur()), null, "Spende",
                        "Unbekannt", "FR7630006000011234567890189"));
            }
        }
    }

    List<ReceiptToMatch> receipts() {
        List<ReceiptToMatch> receipts = new ArrayList<>(payments.size());
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            receipts.add(new ReceiptToMatch(i + 1L, p.amount(), p.reference() == null ? List.of() : List.of(p.reference()),
                    p.text(), p.payerName(), p.payerIban(), DAY));
        }
        return receipts;
    }

    static String rf(String number) {
        return CreditorReference.forInvoice(number, number).value();
    }

    static String iban(int customer) {
        String bban = "37040044" + String.format("%010d", customer);
        int check = 98 - new java.math.BigInteger(bban + "131400").mod(java.math.BigInteger.valueOf(97)).intValue();
        return "DE" + (check < 10 ? "0" : "") + check + bban;
    }

    private static java.util.Currency eur() {
        return Money.currencyOf("EUR");
    }
}
