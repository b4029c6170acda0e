package org.sibao.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.platform.ApiException;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Messages;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error as RFC 9457 problem+json for the API ({@code type}, {@code title}, {@code status}, {@code detail}
 * and, for invalid input, {@code errors} naming each invalid field), and as an error page for the web UI.
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final Messages messages;
    private final ShellAdvice shell;
    private final ObjectProvider<ConversionService> conversionService;

    ApiExceptionHandler(Messages messages, ShellAdvice shell,
            @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversionService) {
        this.messages = messages;
        this.shell = shell;
        this.conversionService = conversionService;
    }

    @ExceptionHandler(ApiException.class)
    Object api(ApiException e, HttpServletRequest request) {
        String detail = messages.get(e.detailKey(), e.args());
        List<Map<String, String>> errors = e.errors().stream().map(this::render).toList();
        Object answer = respond(request, e.status(), typeOf(e.status()), detail, errors);
        if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail problem) {
            e.properties().forEach(problem::setProperty);
        }
        return answer;
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getFieldErrors().forEach(fe -> errors.add(Map.of("field", fe.getField(),
                "message", messages.get(fe.getDefaultMessage() == null ? "validation.invalid" : fe.getDefaultMessage()))));
        e.getGlobalErrors().forEach(ge -> errors.add(Map.of("field", ge.getObjectName(),
                "message", messages.get(ge.getDefaultMessage() == null ? "validation.invalid" : ge.getDefaultMessage()))));
        return respond(request, HttpStatus.BAD_REQUEST, "invalid-input", messages.get("error.invalidInput"), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = fieldOf(e.getCause());
        List<Map<String, String>> errors = field.isEmpty() ? List.of()
                : List.of(Map.of("field", field, "message", messages.get("validation.badValue")));
        return respond(request, HttpStatus.BAD_REQUEST, "invalid-input",
                messages.get(field.isEmpty() ? "error.unreadable" : "error.invalidInput"), errors);
    }

    /**
     * A request parameter of the wrong type. Spring stops at the first one; every other typed parameter of the same
     * request is converted here too, so that the answer names each invalid field at once.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Set<String> invalid = new LinkedHashSet<>();
        invalid.add(e.getName());
        invalid.addAll(otherMistypedParameters(e.getParameter(), request));
        List<Map<String, String>> errors = invalid.stream()
                .map(name -> Map.of("field", name, "message", messages.get("validation.badValue"))).toList();
        return respond(request, HttpStatus.BAD_REQUEST, "invalid-input", messages.get("error.invalidInput"), errors);
    }

    private List<String> otherMistypedParameters(MethodParameter failed, HttpServletRequest request) {
        ConversionService conversion = conversionService.getIfAvailable();
        if (conversion == null || !(failed.getExecutable() instanceof java.lang.reflect.Method method)) {
            return List.of();
        }
        SimpleTypeConverter converter = new SimpleTypeConverter();
        converter.setConversionService(conversion);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter p = MethodParameter.forExecutable(method, i);
            p.initParameterNameDiscovery(PARAMETER_NAMES);
            RequestParam annotation = p.getParameterAnnotation(RequestParam.class);
            Class<?> type = p.getParameterType();
            if (annotation == null || i == failed.getParameterIndex() || type == String.class || Map.class.isAssignableFrom(type)
                    || org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(p.getNestedParameterType())) {
                continue;
            }
            String name = !annotation.name().isEmpty() ? annotation.name() : p.getParameterName();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values == null) {
                continue;
            }
            try {
                converter.convertIfNecessary(values.length == 1 ? values[0] : values, type, p);
            } catch (RuntimeException mistyped) {
                out.add(name);
            }
        }
        return out;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParam(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "invalid-input", messages.get("error.invalidInput"),
                List.of(Map.of("field", e.getParameterName(), "message", messages.get("validation.required"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "too-large", messages.get("error.tooLarge"), List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(RuntimeException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "forbidden", messages.get("error.forbidden"), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "not-found", messages.get("error.noSuchPath"), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", messages.get("error.method"), List.of());
    }

    /** The caller accepts none of the types the endpoint writes (e.g. JSON asked of a QR code image): 406, no body. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", messages.get("error.mediaType"), List.of());
    }

    /** A unique constraint caught a concurrent duplicate that the service's own check could not see. */
    @ExceptionHandler(DuplicateKeyException.class)
    Object duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "conflict", messages.get("error.duplicate"), List.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("error.internal"), List.of());
    }

    private Map<String, String> render(FieldProblem p) {
        return Map.of("field", p.field(), "message", messages.resolve(p));
    }

    static String typeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-input";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case CONTENT_TOO_LARGE -> "too-large";
            default -> "error";
        };
    }

    private static String fieldOf(Throwable cause) {
        if (cause instanceof DatabindException de) {
            StringBuilder sb = new StringBuilder();
            for (JacksonException.Reference ref : de.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return "";
    }

    /** The page the user came from on this site, as a path (a link back), or null. */
    static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Object respond(HttpServletRequest request, HttpStatus status, String type, String detail,
            List<Map<String, String>> errors) {
        if (ProblemResponses.isApi(request)) {
            ProblemDetail problem = ProblemResponses.problem(status, type, messages.get("problem.title." + status.value()), detail, request);
            if (!errors.isEmpty()) {
                problem.setProperty("errors", errors);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        // a page names each field as people do (责任单位, 车牌号), the API by its path
        mav.addObject("errors", errors.stream().map(e -> {
            Map<String, String> shown = new java.util.LinkedHashMap<>(e);
            shown.put("label", messages.fieldLabel(e.get("field")));
            return shown;
        }).toList());
        mav.addObject("back", sameSiteReferer(request));
        shell.addShell(mav, request);
        return mav;
    }
}
