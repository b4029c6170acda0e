package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error page links back only to a page of this site, never elsewhere. */
class ErrorPageBackLinkTest {

    private static String back(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/epidemic/enterprise/x/roster-import");
        request.setServerName("sibao.example.cn");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return ApiExceptionHandler.sameSiteReferer(request);
    }

    @Test
    void linksBackToThePageOfThisSiteTheUserCameFrom() {
        assertThat(back("https://sibao.example.cn/epidemic/enterprise/x?q=%E6%9D%8E&page=2"))
                .isEqualTo("/epidemic/enterprise/x?q=%E6%9D%8E&page=2");
        assertThat(back("http://SIBAO.example.cn/appeals")).isEqualTo("/appeals");
    }

    @Test
    void noLinkToAnotherSiteOrWithoutAReferer() {
        assertThat(back(null)).isNull();
        assertThat(back("https://evil.example.com/phish")).isNull();
        assertThat(back("https://sibao.example.cn//evil.example.com/x")).as("protocol-relative path").isNull();
        assertThat(back("javascript:alert(1)")).isNull();
        assertThat(back("not a uri")).isNull();
    }
}
