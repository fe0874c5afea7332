package io.recoup.app.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The declared table of which role each route needs, read top to bottom, the first match wins. The security filter
 * chain is built from it and the OpenAPI document states each operation's role from it, so the two cannot disagree.
 * A route under {@code /api/} or {@code /actuator/} that no row names needs {@link Role#ADMIN}: a new endpoint is
 * closed until someone decides who may call it.
 */
public final class ApiRoutes {
    /** One row: a method (null: any) and a path pattern ({@code /api/items/**}), and the role it needs. */
    public record Rule(HttpMethod method, String pattern, Role role) {
        public Rule {
            if (pattern == null || !pattern.startsWith("/") || role == null) {
                throw new IllegalArgumentException("a route rule has a path pattern starting with / and a role");
            }
        }

        boolean matches(HttpMethod given, String path) {
            return (method == null || method.equals(given))
                    && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/actuator/prometheus", Role.METRICS),
            new Rule(null, "/actuator/**", Role.ADMIN),
            new Rule(null, "/api/admin/**", Role.ADMIN),
            // policies are admin's, reading a draft and the history too (a draft may name people's templates and rules)
            new Rule(null, "/api/policies/**", Role.ADMIN),
            new Rule(null, "/api/webhook-subscriptions/**", Role.ADMIN),
            new Rule(HttpMethod.GET, "/api/**", Role.VIEWER),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", Role.VIEWER),
            new Rule(HttpMethod.GET, "/swagger-ui/**", Role.VIEWER),
            new Rule(HttpMethod.GET, "/swagger-ui.html", Role.VIEWER),
            new Rule(HttpMethod.POST, "/api/items/**", Role.FINANCE),
            new Rule(HttpMethod.DELETE, "/api/items/**", Role.FINANCE),
            new Rule(HttpMethod.POST, "/api/customers/**", Role.FINANCE),
            new Rule(HttpMethod.POST, "/api/exceptions/**", Role.FINANCE),
            new Rule(HttpMethod.POST, "/api/webhook-deliveries/*/redeliver", Role.FINANCE));

    /** Where the providers' webhooks arrive, each signed by its provider. */
    public static final String WEBHOOKS = "/webhooks/";

    /**
     * The routes open without a login, each carrying its own credential: the providers' webhooks (their signature) and
     * the links in customers' messages, {@code /pay/<token>} and {@code /unsubscribe/<token>} (a signed token).
     */
    public static final List<String> OPEN = List.of(WEBHOOKS, "/pay/", "/unsubscribe/");

    /** True for a route of {@link #OPEN}. */
    public static boolean isOpen(String path) {
        return OPEN.stream().anyMatch(path::startsWith);
    }

    /** Where no rule matches. */
    public static final Role DEFAULT = Role.ADMIN;

    private ApiRoutes() {
    }

    /** The role a call needs; a path template ({@code /api/items/{source}/{id}}) matches as its literal text. */
    public static Role roleFor(HttpMethod method, String path) {
        return find(method, path).map(Rule::role).orElse(DEFAULT);
    }

    static Optional<Rule> find(HttpMethod method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
    }
}
