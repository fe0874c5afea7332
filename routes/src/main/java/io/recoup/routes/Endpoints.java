package io.recoup.routes;

/** The endpoint URIs the routes and the cycle runner share, with their options from {@code recoup.*} properties. */
public final class Endpoints {
    private Endpoints() {
    }

    private static final String FILE_OPTIONS = "antInclude=%s&sortBy=file:name&move=.done/${date:now:yyyyMMdd-HHmmssSSS}-${file:name}"
            + "&moveFailed=.failed/${date:now:yyyyMMdd-HHmmssSSS}-${file:name}";

    /** Ledger exports dropped by the ERP or a person; the watcher waits until a file stops growing. */
    public static final String LEDGER_INBOX_WATCH = "file:{{recoup.ledger.inbox}}?" + FILE_OPTIONS.formatted("*.csv")
            + "&readLock=changed&readLockMinAge=1000&delay={{recoup.poll-delay:5000}}";
    /** The same folder, drained at once by a cycle run (the files are complete when it starts). */
    public static final String LEDGER_INBOX_DRAIN = "file:{{recoup.ledger.inbox}}?" + FILE_OPTIONS.formatted("*.csv") + "&readLock=none";

    public static final String STATEMENTS_WATCH = "file:{{recoup.statements.inbox}}?" + FILE_OPTIONS.formatted("*.xml")
            + "&readLock=changed&readLockMinAge=1000&delay={{recoup.poll-delay:5000}}";
    public static final String STATEMENTS_DRAIN = "file:{{recoup.statements.inbox}}?" + FILE_OPTIONS.formatted("*.xml") + "&readLock=none";

    public static final String INGEST_LEDGER = "direct:ingest-ledger";
    public static final String IMPORT_STATEMENT = "direct:import-statement";
    public static final String MATCH = "direct:match";
    public static final String POST_BACK = "direct:post-back";
    public static final String PLAN = "direct:plan";
    public static final String DISPATCH = "direct:dispatch";
}
