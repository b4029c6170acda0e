package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadinessGateTest {

    @Test
    void answers503UntilTheApplicationIsReadyThenLetsRequestsThrough() throws Exception {
        ReadinessGate gate = new ReadinessGate();
        MockHttpServletResponse early = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/login"), early, notReached);
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).isEqualTo("2");
        assertThat(notReached.getRequest()).as("the application is not reached").isNull();

        gate.ready();
        MockHttpServletResponse later = new MockHttpServletResponse();
        MockFilterChain reached = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/login"), later, reached);
        assertThat(later.getStatus()).isEqualTo(200);
        assertThat(reached.getRequest()).isNotNull();
    }
}
