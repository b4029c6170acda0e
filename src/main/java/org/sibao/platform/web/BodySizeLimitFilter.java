package org.sibao.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sibao.platform.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body declared larger than {@code sibao.web.max-body} (60 MB, as a whole multipart upload) with
 * 413 before anything reads it, and before authentication: a JSON or CSV body of any size would otherwise be read
 * into memory first. Multipart uploads have their own limits (spring.servlet.multipart). Runs after the locale is
 * set, so the problem is in the caller's language.
 */
@Component
@Order(LocaleFilter.ORDER + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Messages messages;
    private final JsonMapper json;

    BodySizeLimitFilter(@Value("${sibao.web.max-body:60MB}") DataSize maxBody, Messages messages, JsonMapper json) {
        this.maxBytes = maxBody.toBytes();
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            String detail = messages.get("error.bodyTooLarge", maxBytes / (1024 * 1024));
            if (ProblemResponses.isApi(request)) {
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                        messages.get("problem.title.413"), detail, request);
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                // the body is not read: the connection is closed after the answer
                response.setHeader("Connection", "close");
                json.writeValue(response.getOutputStream(), problem);
            } else {
                response.setHeader("Connection", "close");
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
