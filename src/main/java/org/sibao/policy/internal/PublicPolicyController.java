package org.sibao.policy.internal;

import java.io.IOException;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.policy.PolicyStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published library without sign-in (SPEC §12 public pages): a Chinese HTML page for browsers
 * ({@code Accept: text/html}) and the list envelope as JSON for everything else.
 */
@Controller
class PublicPolicyController {

    private final PolicyService service;
    private final JsonMapper json;

    PublicPolicyController(PolicyService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @GetMapping("/public/policies")
    ModelAndView list(@RequestHeader(value = "Accept", required = false) String accept,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, HttpServletResponse response) throws IOException {
        PageResult<PolicyView> result = service.list(PolicyStatus.PUBLISHED, q, null, PageQuery.of(page, size == null ? 100 : size))
                .map(service::view);
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), result);
            return null;
        }
        ModelAndView mv = new ModelAndView("policy/public");
        mv.addObject("result", result);
        mv.addObject("q", q);
        return mv;
    }
}
