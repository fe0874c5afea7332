package io.recoup.routes;

/**
 * Whether the pollers that must run on one instance at a time (inbox watchers, the cycle's timer, ledger syncs) run
 * under Camel's {@code master:} component, and the URI that says so. Off for a single instance and the tests that
 * drive routes themselves; on in {@code serve}, where a cluster service in the Camel context picks the leader of each
 * namespace ({@link io.recoup.routes.cluster.PostgresClusterService} by default).
 */
public record Singletons(boolean clustered) {
    public static final Singletons NONE = new Singletons(false);

    /** {@code uri} as a consumer that runs only on the leader of {@code namespace} when clustered, else as it is. */
    public String from(String namespace, String uri) {
        if (!namespace.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a cluster namespace is lower-case letters, digits and dashes: " + namespace);
        }
        return clustered ? "master:" + namespace + ":" + uri : uri;
    }
}
