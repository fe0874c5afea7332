package io.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ApiRoutesTest {

    @Test
    void readingNeedsAViewerChangingCollectionsFinanceAndAccessAnAdmin() {
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/api/exceptions")).isEqualTo(Role.VIEWER);
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/api/items/{source}/{id}")).isEqualTo(Role.VIEWER);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/exceptions/{receipt}/not-ours")).isEqualTo(Role.FINANCE);
        assertThat(ApiRoutes.roleFor(HttpMethod.DELETE, "/api/items/csv/1008/holds")).isEqualTo(Role.FINANCE);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/customers/{source}/{id}/mandates")).isEqualTo(Role.FINANCE);
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/api/admin/audit")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/admin/tokens")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/actuator/prometheus")).isEqualTo(Role.METRICS);
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/actuator/env")).isEqualTo(Role.ADMIN);
    }

    @Test
    void policiesAreAnAdminsToReadUploadSimulateAndActivate() {
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/api/policies")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.GET, "/api/policies/drafts/{id}")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/policies/drafts")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/policies/drafts/{id}/activate")).isEqualTo(Role.ADMIN);
    }

    @Test
    void aRouteNoRuleNamesNeedsAnAdmin() {
        assertThat(ApiRoutes.roleFor(HttpMethod.PUT, "/api/policies/default")).isEqualTo(Role.ADMIN);
        assertThat(ApiRoutes.roleFor(HttpMethod.POST, "/api/connections")).isEqualTo(Role.ADMIN);
    }
}
