package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class HandlerLookupConfigTest {

    private static RequestMappingInfo mapping(String... patterns) {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        return RequestMappingInfo.paths(patterns).options(config).build();
    }

    @Test
    void literalPrefixesStopAtTheFirstVariableOrWildcard() {
        assertThat(HandlerLookupConfig.literalPrefixes(mapping("/api/v1/appeals/{id}/triage")))
                .containsExactly("/api/v1/appeals/");
        assertThat(HandlerLookupConfig.literalPrefixes(mapping("/css/**"))).containsExactly("/css/");
        assertThat(HandlerLookupConfig.literalPrefixes(mapping("/appeals"))).containsExactly("/appeals");
        // a pattern that starts with a variable keeps only the leading slash: it may match any path
        assertThat(HandlerLookupConfig.literalPrefixes(mapping("/a", "/{x}"))).containsExactlyInAnyOrder("/a", "/");
    }

    @Test
    void aMappingIsSkippedOnlyWhenNoPrefixFits() {
        List<String> prefixes = List.of("/api/v1/appeals/", "/api/v1/tasks/");
        assertThat(HandlerLookupConfig.startsWithAny("/api/v1/appeals/0190", prefixes)).isTrue();
        assertThat(HandlerLookupConfig.startsWithAny("/api/v1/tasks/x", prefixes)).isTrue();
        assertThat(HandlerLookupConfig.startsWithAny("/api/v1/passes/x", prefixes)).isFalse();
        assertThat(HandlerLookupConfig.startsWithAny("/anything", List.of())).isTrue();
    }

    @Test
    void encodedOrParameterisedPathsAreNotFiltered() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        assertThat(new HandlerLookupConfig.LookupRequest(request, "/api/v1/appeals/1").plainPath).isEqualTo("/api/v1/appeals/1");
        assertThat(new HandlerLookupConfig.LookupRequest(request, "/api/v1/%61ppeals/1").plainPath).isNull();
        assertThat(new HandlerLookupConfig.LookupRequest(request, "/api/v1/appeals;a=b/1").plainPath).isNull();
    }

    @Test
    void theMethodAndHeadersAreReadOnce() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.addHeader("Origin", "http://a");
        HandlerLookupConfig.LookupRequest lookup = new HandlerLookupConfig.LookupRequest(request, "/x");
        request.setMethod("GET");
        assertThat(lookup.getMethod()).isEqualTo("POST");
        assertThat(lookup.getHeader("origin")).isEqualTo("http://a");
        assertThat(lookup.getHeader("Access-Control-Request-Method")).isNull();
    }
}
