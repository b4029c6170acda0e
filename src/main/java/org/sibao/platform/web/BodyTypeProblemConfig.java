package org.sibao.platform.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;

import org.sibao.platform.ApiException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Wires {@link BodyTypeProblems}: the JSON mapper records a wrongly typed field of a request body and goes on
 * with it empty, the body advice marks the reading of each request body, and a transaction listener refuses to
 * commit while the request has wrongly typed fields. Outside request-body reading the mapper fails as usual.
 */
@Configuration(proxyBeanMethods = false)
class BodyTypeProblemConfig {

    @Bean
    JsonMapperBuilderCustomizer bodyTypeProblemHandler() {
        return builder -> builder.addHandler(new RecordingHandler());
    }

    /** Every request ends with no read in progress on its thread, whatever happened to its body. */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer bodyTypeProblemCleanup() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new org.springframework.web.servlet.HandlerInterceptor() {
                    @Override
                    public void afterCompletion(jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response, Object handler, Exception ex) {
                        BodyTypeProblems.clearReading();
                    }
                });
            }
        };
    }

    @Bean
    TransactionExecutionListener bodyTypeProblemGuard() {
        return new TransactionExecutionListener() {
            @Override
            public void beforeCommit(TransactionExecution transaction) {
                if (!transaction.isReadOnly() && !BodyTypeProblems.pending().isEmpty()) {
                    throw ApiException.invalid(BodyTypeProblems.pending());
                }
            }
        };
    }

    /** Marks the reading of every {@code @RequestBody}. */
    @ControllerAdvice
    static class ReadingAdvice extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
            BodyTypeProblems.startReading();
            return input;
        }

        @Override
        public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            BodyTypeProblems.finishReading();
            return body;
        }

        @Override
        public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter,
                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
            BodyTypeProblems.finishReading();
            return body;
        }
    }

    /** Records the field and answers "empty" instead of failing, for values inside an object of the body. */
    static final class RecordingHandler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return recorded(ctxt.getParser(), null);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return recorded(ctxt.getParser(), null);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser p, String failureMsg) {
            return recorded(p, token);
        }

        /**
         * A text or number where an object belongs (a driver given as {@code "x"}): the element is recorded and left
         * empty like any other wrongly typed value, so the rest of the body is still checked.
         */
        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                tools.jackson.databind.deser.ValueInstantiator valueInsta, JsonParser p, String msg) {
            JsonToken t = p.currentToken();
            return t != null && t.isScalarValue() ? recorded(p, null) : NOT_HANDLED;
        }

        /**
         * Records the field at the parser and answers null (the field left empty), leaving the parser at the end of
         * the offending value; NOT_HANDLED at the root of the body or outside the reading of a request body.
         */
        private static Object recorded(JsonParser p, JsonToken offending) {
            // a deserializer may already have stepped into the offending list (to look for a single element)
            boolean insideList = offending == JsonToken.START_ARRAY && p.currentToken() != JsonToken.START_ARRAY;
            boolean structure = offending == JsonToken.START_ARRAY || offending == JsonToken.START_OBJECT;
            TokenStreamContext holder = p.streamReadContext();
            if (insideList && (p.currentToken() == JsonToken.START_ARRAY || p.currentToken() == JsonToken.START_OBJECT)) {
                holder = holder.getParent(); // from the element's own context to the list's
            }
            if (structure && holder != null) {
                holder = holder.getParent(); // from the offending value's own context to where it stands
            }
            String field = path(holder);
            if (field.isEmpty() || !BodyTypeProblems.record(field)) {
                return NOT_HANDLED;
            }
            if (insideList) {
                // an element that is itself a list or object is skipped whole, then the list's remaining elements
                for (JsonToken t = p.currentToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    }
                }
            } else if (structure) {
                p.skipChildren();
            }
            return null;
        }

        /**
         * {@code drivers[0].idNumber} from the context holding the offending value (for a list or object, the
         * parent of its own context); empty at the root of the body.
         */
        static String path(TokenStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (TokenStreamContext ctx = context; ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
                if (ctx.inObject() && ctx.currentName() != null) {
                    parts.addFirst("." + ctx.currentName());
                } else if (ctx.inArray()) {
                    parts.addFirst("[" + Math.max(0, ctx.getCurrentIndex()) + "]");
                }
            }
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
