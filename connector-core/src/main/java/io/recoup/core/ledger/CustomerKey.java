package io.recoup.core.ledger;

/** The identity of a customer: the ledger it came from and that ledger's customer number. */
public record CustomerKey(String source, String externalId) {
    public CustomerKey {
        source = OpenItemKey.requireText(source, "source");
        externalId = OpenItemKey.requireText(externalId, "externalId");
    }

    @Override
    public String toString() {
        return source + ":" + externalId;
    }
}
