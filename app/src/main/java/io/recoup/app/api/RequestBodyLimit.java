package io.recoup.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@link RequestChecks#MAX_BODY_BYTES} with 413 before they are read into memory: at once
 * when the declared length is larger, and by counting while reading when the body comes in chunks.
 */
@Component
@ConditionalOnWebApplication
public class RequestBodyLimit extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > RequestChecks.MAX_BODY_BYTES) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"The request body is too large\",\"status\":413,"
                    + "\"detail\":\"body: is larger than " + RequestChecks.MAX_BODY_BYTES + " bytes\",\"errors\":[{\"field\":\"body\","
                    + "\"reason\":\"is larger than " + RequestChecks.MAX_BODY_BYTES + " bytes\"}]}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /** Thrown while reading a body that turns out larger than allowed; {@link ApiProblems} answers 413. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body larger than " + RequestChecks.MAX_BODY_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream counted;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counting(super.getInputStream());
            }
            return counted;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > RequestChecks.MAX_BODY_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
