package org.sibao.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the API answers as problem+json. {@code detailKey} and {@code errors} carry message keys, localised
 * when the response is written (zh-CN by default, English with {@code Accept-Language: en}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String detailKey;
    private final transient Object[] args;
    private final transient List<FieldProblem> errors;
    private final transient java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiException(HttpStatus status, String detailKey, Object[] args, List<FieldProblem> errors) {
        super(detailKey);
        this.status = status;
        this.detailKey = detailKey;
        this.args = args == null ? new Object[0] : args;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @param what entity name; its label is the message {@code entity.<what>} */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "error.notFound",
                new Object[] {Words.of("entity." + what, what), id}, null);
    }

    /** The transition or creation conflicts with the current state (409). */
    public static ApiException conflict(String detailKey, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, detailKey, args, null);
    }

    public static ApiException conflict(String detailKey, List<FieldProblem> errors, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, detailKey, args, errors);
    }

    public static ApiException forbidden(String detailKey, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, detailKey, args, null);
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        // a body's wrongly typed fields are reported with whatever else is wrong
        return new ApiException(HttpStatus.BAD_REQUEST, "error.invalidInput", null,
                org.sibao.platform.web.BodyTypeProblems.merge(errors));
    }

    public static ApiException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(new FieldProblem(field, messageKey, args)));
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Adds a member to the problem body beside {@code errors} (e.g. the failed criteria of a precheck). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extra members of the problem body, in the order added. */
    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }
}
