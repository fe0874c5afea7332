-- The bank accounts a customer pays from, as evidence of who paid: from the ledger (customer_iban column or the ERP's
-- customer bank accounts) or recorded by a person who resolved a payment in the exceptions queue. IBANs of earlier
-- payments allocated to a customer are read from the receipts themselves.
create table customer_iban (
    customer_id bigint      not null references customer (id),
    iban        text        not null,
    origin      text        not null check (origin in ('LEDGER', 'PERSON')),
    created_by  text        not null,
    created_at  timestamptz not null,
    primary key (customer_id, iban)
);
