package io.banksuite.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 100;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT);

    @Test
    void aDeclaredLongerBodyIs413WithAProblemAndReachesNothing() throws Exception {
        MockHttpServletRequest request = post(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> reached = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> reached.set(req));

        assertThat(reached).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413", "larger than 100 bytes",
                "\"instance\":\"/api/v1/transactions\"");
    }

    @Test
    void anUndeclaredLongerBodyFailsWhileItIsRead() throws Exception {
        MockHttpServletRequest request = chunked(new byte[LIMIT + 1]);
        FilterChain reader = (req, res) -> req.getInputStream().readAllBytes();

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), reader))
                .isInstanceOf(RequestBodyTooLargeException.class).hasMessageContaining("larger than 100 bytes")
                .satisfies(e -> assertThat(RequestBodyLimitFilter.tooLarge(new IllegalStateException(e))).isTrue());
    }

    @Test
    void aBodyWithinTheLimitIsReadWholeEitherWay() throws Exception {
        byte[] body = "x".repeat(LIMIT).getBytes(StandardCharsets.UTF_8);
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {post(body), chunked(body)}) {
            AtomicReference<byte[]> read = new AtomicReference<>();
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request, response, (req, res) -> read.set(req.getInputStream().readAllBytes()));

            assertThat(read.get()).isEqualTo(body);
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(RequestBodyLimitFilter.tooLarge(new IllegalStateException("other"))).isFalse();
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/transactions");
        request.setContent(body);
        return request;
    }

    /** Sent without a Content-Length, as a chunked body is. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/transactions") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }
}
