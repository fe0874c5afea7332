package io.recoup.routes.postback;

import java.util.List;

/** One post-back batch: its id in the ledger, the document numbers posted, and those the ledger already held. */
public record PostReport(String batch, List<String> documentNumbers, List<String> alreadyInLedger) {}
