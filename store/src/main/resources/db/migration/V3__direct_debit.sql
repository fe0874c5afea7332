-- SEPA Direct Debit: Recoup's own mandates, one row per presentation of a direct debit, the pain.008 file outbox and
-- the R-transactions a person has to look at.

-- A mandate as the sepa module's Mandate holds it; the state follows its lifecycle table (MandateLifecycle). The
-- surrogate id stays when an amendment changes the reference or the creditor identifier, the pair stays unique.
create table mandate (
    id                    bigserial primary key,
    creditor_id           text        not null,
    reference             text        not null,
    customer_id           bigint      not null references customer (id),
    debtor_name           text        not null,
    debtor_iban           text        not null,
    debtor_bic            text,
    signature_date        date,
    scheme                text        not null check (scheme in ('CORE', 'B2B')),
    type                  text        not null check (type in ('RECURRENT', 'ONE_OFF')),
    state                 text        not null check (state in ('PENDING_SIGNATURE', 'ACTIVE', 'AMENDED', 'COMPLETED',
                                                                'CANCELLED', 'LAPSED', 'FAILED')),
    -- requested collection date of the last collection presented: FRST or RCUR, and the 36-month lapse
    last_collection_date  date,
    -- the amendment the next collection reports (AmdmntInfDtls); all empty unless state = AMENDED
    original_reference    text,
    original_creditor_id  text,
    original_debtor_iban  text,
    debtor_bank_changed   boolean     not null default false,
    -- the debtor's postal address, required in the file for debtors outside the EEA
    debtor_street         text,
    debtor_building       text,
    debtor_post_code      text,
    debtor_town           text,
    debtor_country        char(2),
    version               integer     not null default 1,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    unique (creditor_id, reference)
);
create index mandate_usable on mandate (customer_id) where state in ('ACTIVE', 'AMENDED');

-- the outbox of pain.008 files: stored only after XSD validation, then written to the outbox folder
create table pain008_file (
    id              bigserial primary key,
    file_name       text           not null unique,
    message_id      text           not null unique,
    version         text           not null,
    transactions    integer        not null check (transactions > 0),
    control_sum     numeric(20, 2) not null,
    submission_date date           not null,
    content         text           not null,
    status          text           not null check (status in ('PENDING', 'WRITTEN')),
    created_at      timestamptz    not null,
    written_at      timestamptz
);
create index pain008_file_pending on pain008_file (id) where status = 'PENDING';
-- GrpHdr/MsgId must be unique per creditor and bank: RCP-D<submission date>-<n>
create sequence pain008_message_seq;

-- One presentation of one item to the debtor's bank. A re-presentation is a new row with the next attempt and the
-- end-to-end id RCP-C<first row's id>-<attempt>, pointing at the row it re-presents.
create table collection (
    id                        bigserial primary key,
    item_id                   bigint         not null references open_item (id),
    mandate_id                bigint         not null references mandate (id),
    currency                  char(3)        not null check (currency = 'EUR'),
    amount                    numeric(20, 4) not null check (amount > 0),
    requested_collection_date date           not null,
    -- set when the collection goes into a file (the mandate decides FRST, RCUR, FNAL or OOFF then)
    sequence_type             text check (sequence_type in ('FRST', 'RCUR', 'FNAL', 'OOFF')),
    end_to_end_id             text           not null unique,
    attempt                   integer        not null check (attempt >= 1),
    represents_id             bigint references collection (id),
    status                    text           not null check (status in ('PLANNED', 'PRE_NOTIFIED', 'SUBMITTED',
                                                    'ACCEPTED', 'REJECTED', 'RETURNED', 'SETTLED', 'CANCELLED')),
    -- the ISO reason code of a reject or return, what it means and what Recoup did about it
    reason_code               text,
    reason                    text,
    action                    text,
    pre_notified_on           date,
    pre_notification_id       text,
    pain008_file_id           bigint references pain008_file (id),
    file_name                 text,
    payment_information_id    text,
    created_at                timestamptz    not null,
    updated_at                timestamptz    not null
);
-- an item is in at most one live collection, whatever several instances do
create unique index collection_item_live on collection (item_id)
    where status in ('PLANNED', 'PRE_NOTIFIED', 'SUBMITTED', 'ACCEPTED');
create index collection_open on collection (status, requested_collection_date)
    where status in ('PLANNED', 'PRE_NOTIFIED', 'SUBMITTED', 'ACCEPTED');
create index collection_mandate on collection (mandate_id);
create index collection_file on collection (pain008_file_id);

-- an R-transaction no rule covers: a person decides; it pauses nothing (no hold), it is only there to be seen
create table collection_review (
    id            bigserial primary key,
    collection_id bigint      not null unique references collection (id),
    item_id       bigint      not null references open_item (id),
    reason_code   text,
    explanation   text        not null,
    created_at    timestamptz not null,
    resolved_at   timestamptz,
    resolved_by   text
);
create index collection_review_open on collection_review (created_at) where resolved_at is null;
