package org.sibao.platform.web;

import java.util.List;

import org.sibao.platform.Messages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The errors that never reach a controller (the container refusing an oversize upload while a filter reads the
 * request, an unmapped error status) answer like every other error: problem+json under the API, the error page
 * with a way back elsewhere, in the caller's language. Replaces Spring Boot's whitelabel {@code /error}.
 */
@Controller
class PlatformErrorController implements ErrorController {

    private final ApiExceptionHandler handler;
    private final Messages messages;

    PlatformErrorController(ApiExceptionHandler handler, Messages messages) {
        this.handler = handler;
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest original = uri instanceof String path ? new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return path;
            }
        } : request;
        return handler.respond(original, status, ApiExceptionHandler.typeOf(status), messages.get(detailKey(status)),
                List.of());
    }

    private static String detailKey(HttpStatus status) {
        return switch (status) {
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case NOT_FOUND -> "error.noSuchPath";
            case BAD_REQUEST -> "error.unreadable";
            case FORBIDDEN -> "error.forbidden";
            case METHOD_NOT_ALLOWED -> "error.method";
            case UNSUPPORTED_MEDIA_TYPE -> "error.mediaType";
            default -> "error.internal";
        };
    }
}
