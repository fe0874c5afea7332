package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The dashboard's navigation as each role sees it after signing in on the form: no link leads to a refusal. */
class DashboardNavigationIT extends SignedInApi {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void showsThePoliciesLinkOnlyToAdminsWhoMayOpenIt() throws Exception {
        HttpClient viewer = signedIn("viewer");
        assertThat(get(viewer, "/ui/aging").body()).contains("id=\"nav-aging\"").doesNotContain("nav-policies");
        assertThat(get(viewer, "/ui/policies").statusCode()).isEqualTo(403);
        assertThat(get(signedIn("finance"), "/ui/needs-person").body()).contains("id=\"nav-needs-person\"")
                .doesNotContain("nav-policies");

        HttpClient admin = signedIn("admin");
        assertThat(get(admin, "/ui/aging").body()).contains("id=\"nav-policies\"");
        assertThat(get(admin, "/ui/policies").statusCode()).isEqualTo(200);
    }

    @Test
    void writesThePagesLinksWithoutLookingForAStaticFileOfEachName() throws Exception {
        // the filter resolves every link a page writes as a possible static file: at 50 rows a table page spent most
        // of its time there
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        HttpClient viewer = signedIn("viewer");
        String page = get(viewer, "/ui/aging").body();
        Matcher script = Pattern.compile("src=\"(/ui/assets/[^\"]+)\"").matcher(page);
        assertThat(script.find()).as("the page loads a script from the webjars").isTrue();
        assertThat(get(viewer, script.group(1)).statusCode()).isEqualTo(200);
        assertThat(get(viewer, "/ui/recoup.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anApiCallThatCarriesThePersonsSessionCookieLeavesTheSessionAsItWas() throws Exception {
        // the API signs each call in by itself; were it to treat that as a sign-in to the session the cookie names, it
        // would give the session a new id on every call, and a page asked for at the same time with the old id would
        // be sent to the login form (seen under load: whole runs of pages answered 302)
        CookieManager cookies = new CookieManager();
        HttpClient viewer = signedIn("viewer", cookies);
        String session = sessionId(cookies);
        String token = (String) as("admin").postForEntity("/api/admin/tokens", Map.of("name", "nav", "roles",
                List.of("viewer")), Map.class).getBody().get("token");
        Map<String, String> machines = Map.of("an API token", "Bearer " + token,
                "HTTP Basic", "Basic " + Base64.getEncoder().encodeToString(("viewer:" + password("viewer"))
                        .getBytes(StandardCharsets.UTF_8)),
                "an OIDC token", "Bearer " + jwt("viewer", List.of("viewer")));
        for (var machine : machines.entrySet()) {
            HttpResponse<String> api = viewer.send(HttpRequest.newBuilder(uri("/api/items?size=5")).header("Authorization",
                    machine.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(machine.getKey()).isEqualTo(200);
            assertThat(api.headers().allValues("Set-Cookie")).as(machine.getKey()).isEmpty();
            assertThat(sessionId(cookies)).as(machine.getKey()).isEqualTo(session);
        }
        HttpResponse<String> page = get(viewer, "/ui/aging");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"nav-aging\"");
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** A browser-like client with the session of {@code user}, signed in on the login form with its CSRF token. */
    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        return signedIn(user, new CookieManager());
    }

    private HttpClient signedIn(String user, CookieManager cookies) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        Matcher csrf = CSRF.matcher(get(client, "/ui/login").body());
        assertThat(csrf.find()).as("the login form has a CSRF field").isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password(user), StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signIn = client.send(HttpRequest.newBuilder(uri("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ui/aging"));
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
