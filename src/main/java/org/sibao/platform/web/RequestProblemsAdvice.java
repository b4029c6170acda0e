package org.sibao.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sibao.platform.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problems of a request kept for later ({@link BodyTypeProblems#defer}: an invalid {@code page} or {@code size})
 * that nothing reported yet refuse the request before its answer is written: 400 naming them, instead of a list
 * answered with the default page. When the list's own checks fail too, they were already reported together.
 */
@ControllerAdvice
class RequestProblemsAdvice implements ResponseBodyAdvice<Object>, HandlerInterceptor,
        org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && !BodyTypeProblems.pending().isEmpty()) {
            throw ApiException.invalid(List.of());
        }
        return body;
    }

    /** A page (a view) with such problems: the error page names them. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && response.getStatus() < 400 && !BodyTypeProblems.pending().isEmpty()) {
            throw ApiException.invalid(List.of());
        }
    }
}
