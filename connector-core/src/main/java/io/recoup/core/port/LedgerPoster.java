package io.recoup.core.port;

import java.util.List;
import java.util.Set;

/** Applies payments to the source ledger. */
public interface LedgerPoster {
    /** Which of these document numbers the ledger already holds (the read-before-write check). */
    Set<String> alreadyPosted(Set<String> documentNumbers);

    /** Posts these payments, all or nothing; returns an id of the batch in the ledger (a file name, a journal no.). */
    String post(List<LedgerPosting> postings);
}
