package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.app.security.ApiRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document, paged and filtered lists, and refusals as problem details, against the real application. */
class ApiDocumentIT extends SignedInApi {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteOfEveryControllerIsInTheOpenApiDocumentWithTheRoleItNeeds() {
        ResponseEntity<Map> docs = as("viewer").getForEntity("/v3/api-docs", Map.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) docs.getBody().get("paths");

        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            // the dashboard's pages (/ui) are pages for people, not part of the API the document describes
            if (method.getBeanType().getPackageName().startsWith("io.recoup.app") && !method.getBeanType().getPackageName().startsWith("io.recoup.app.ui")) {
                for (String path : info.getPathPatternsCondition().getPatternValues()) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        routes.add(verb + " " + path);
                    }
                }
            }
        });
        assertThat(routes).contains("POST /api/exceptions/{receipt}/not-ours", "GET /api/items", "GET /api/admin/audit",
                "POST /webhooks/{provider}", "GET /pay/{token}", "POST /unsubscribe/{token}");
        for (String route : routes) {
            String verb = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(paths).as("the document lists %s", path).containsKey(path);
            Map<String, Object> operation = paths.get(path).get(verb.toLowerCase());
            assertThat(operation).as("the document describes %s", route).isNotNull();
            String expected = ApiRoutes.isOpen(path) ? "none" : ApiRoutes.roleFor(HttpMethod.valueOf(verb), path).label();
            assertThat(operation).as("the role of %s", route).containsEntry("x-required-role", expected);
        }
        assertThat(paths.get("/api/exceptions/{receipt}/not-ours").get("post")).containsEntry("x-required-role", "finance");
        assertThat(paths.get("/api/admin/tokens").get("post")).containsEntry("x-required-role", "admin");
        // the dashboard's lists are paged like every list, and the document says so
        Map<String, Object> dashboard = paths.get("/api/dashboard").get("get");
        assertThat((List<Map<String, Object>>) dashboard.get("parameters")).extracting(p -> p.get("name")).containsExactly("page", "size");
        assertThat((String) dashboard.get("description")).contains("needs a person").contains("hasMore");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void listsArePagedAndFilteredAndAWrongParameterIsRefusedByName() {
        threeSampleDays();
        Map<?, ?> first = as("viewer").getForObject("/api/items?status=open&size=2", Map.class);
        assertThat((List<Map<String, Object>>) first.get("items")).hasSize(2).allSatisfy(i -> assertThat(i).containsEntry("status", "OPEN"));
        assertThat(first.get("hasMore")).isEqualTo(true);
        Map<?, ?> second = as("viewer").getForObject("/api/items?status=OPEN&size=2&page=1", Map.class);
        assertThat((List<Map<String, Object>>) second.get("items")).hasSize(2).doesNotContainAnyElementsOf(
                (List<Map<String, Object>>) first.get("items"));
        assertThat((List<?>) as("viewer").getForObject("/api/items?customer=no-such-customer", Map.class).get("items")).isEmpty();

        assertThat((List<Map<String, Object>>) as("viewer").getForObject("/api/notices?status=sent&channel=email", Map.class)
                .get("notices")).isNotEmpty().allSatisfy(n -> assertThat(n).containsEntry("status", "SENT").containsEntry("channel", "EMAIL"));
        assertThat((List<Map<String, Object>>) as("viewer").getForObject("/api/tasks", Map.class).get("tasks"))
                .isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).isIn("TASK_OPEN", "PARKED"));
        assertThat((List<?>) as("viewer").getForObject("/api/exceptions?size=1", Map.class).get("receipts")).hasSize(1);

        assertThat(errors(as("viewer").getForEntity("/api/items?size=500&status=lost", Map.class)))
                .containsExactlyInAnyOrder("size: 500 is not from 1 to 200", "status: 'lost' is not one of OPEN, PAID, CLOSED");
        assertThat(errors(as("viewer").getForEntity("/api/notices?page=abc", Map.class))).containsExactly("page: 'abc' is not a number");
        assertThat(errors(as("viewer").getForEntity("/api/notices?plannedFrom=yesterday", Map.class)))
                .singleElement().asString().startsWith("plannedFrom: 'yesterday' is not");
        assertThat(errors(as("viewer").getForEntity("/api/items/csv/9999", Map.class))).isEmpty();
    }

    /** The refusal's {@code errors} as "field: reason", after checking it is an RFC 9457 problem. */
    private static List<String> errors(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is4xxClientError()).as("refused: %s", response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        return errors == null ? List.of() : errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).toList();
    }
}
