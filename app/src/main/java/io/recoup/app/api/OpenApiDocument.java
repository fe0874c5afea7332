package io.recoup.app.api;

import io.recoup.app.security.ApiRoutes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every route of the API with
 * the role it needs, taken from {@link ApiRoutes} (the table the security filters are built from) as
 * {@code x-required-role} and in its description; the webhooks and the links in customers' messages are marked open,
 * their signature or signed token being the credential.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocument {
    static final String ROLE_EXTENSION = "x-required-role";

    @Bean
    OpenAPI recoupApi() {
        return new OpenAPI()
                .info(new Info().title("Recoup API").version("1").description("Collections: items, pauses, promises, the "
                        + "exceptions queue, lists, access and audit, outbound webhook subscriptions and deliveries. Refusals are "
                        + "application/problem+json (RFC 9457) with "
                        + "errors: [{field, reason}]."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token (rcp_...) or, with OIDC configured, the provider's JWT")));
    }

    @Bean
    OpenApiCustomizer rolesOnEveryOperation() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (ApiRoutes.isOpen(path)) {
            operation.addExtension(ROLE_EXTENSION, "none");
            operation.setSecurity(List.of());
            operation.setDescription(join(operation.getDescription(), path.startsWith("/webhooks/")
                    ? "Open without a login: the provider's signature is checked." : "Open without a login: the link's signed token is checked."));
            return;
        }
        String role = ApiRoutes.roleFor(HttpMethod.valueOf(method.name()), path).label();
        operation.addExtension(ROLE_EXTENSION, role);
        operation.setSecurity(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
        operation.setDescription(join(operation.getDescription(), "Needs the role " + role + "."));
        operation.getResponses().computeIfAbsent("401", k -> new io.swagger.v3.oas.models.responses.ApiResponse()
                .description("no login (application/problem+json)"));
        operation.getResponses().computeIfAbsent("403", k -> new io.swagger.v3.oas.models.responses.ApiResponse()
                .description("the login lacks the role " + role + " (application/problem+json)"));
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + " " + second;
    }
}
