package io.recoup.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A call refused for want of a login (401, with {@code WWW-Authenticate} for Basic and Bearer) or of a role (403) as
 * {@code application/problem+json}, like every other refusal of the API. Says which role the call needs, never why a
 * credential failed.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Recoup\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                "this call needs a login: HTTP Basic, an API token or an OIDC bearer token", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Role needed = ApiRoutes.roleFor(org.springframework.http.HttpMethod.valueOf(request.getMethod()), path(request));
        write(response, HttpStatus.FORBIDDEN, "Not allowed", "this call needs the role " + needed.label(), request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(path(request)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
