package org.sibao.platform.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The OpenAPI document at {@code /v3/api-docs} (springdoc), made to say what the API does:
 * <ul>
 * <li>every public JSON path ({@code /public/**}) is in it, although its controller is a page controller
 * ({@code @Controller} without {@code @ResponseBody}, which springdoc leaves out): one path serves the page to
 * browsers and JSON to everyone else, and only the methods that answer a view name or text/html only are left
 * out;</li>
 * <li>a handler that builds its {@code ResponseEntity} with 201 (or 202, 204) is documented with that status
 * instead of springdoc's default 200 ({@link ResponseStatusScan}); {@code @ResponseStatus} is honoured as
 * before;</li>
 * <li>{@code /api/v1/**} requires the bearer JWT of {@code POST /api/v1/auth/token} (which itself does not);</li>
 * <li>schemas are named by their fully qualified class names ({@code springdoc.use-fqn} in application.yml), so
 * that two records of one simple name ({@code Decision}) are two schemas.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearerAuth";
    static final String TOKEN_PATH = "/api/v1/auth/token";

    /** Springdoc's resource with the public paths of page controllers included (replaces its default bean). */
    @Bean
    OpenApiWebMvcResource openApiResource(ObjectFactory<OpenAPIService> openApiService,
            AbstractRequestService requestBuilder, GenericResponseService responseBuilder,
            OperationService operationParser, SpringDocConfigProperties properties, SpringDocProviders providers,
            SpringDocCustomizers customizers) {
        return new OpenApiWebMvcResource(openApiService, requestBuilder, responseBuilder, operationParser, properties,
                providers, customizers) {
            @Override
            protected boolean isRestController(Map<String, Object> restControllers, HandlerMethod handlerMethod,
                    String operationPath) {
                return super.isRestController(restControllers, handlerMethod, operationPath)
                        || (operationPath.startsWith("/public/") && answersData(handlerMethod.getMethod()));
            }
        };
    }

    /** Whether a page controller's method answers data rather than a view name or an HTML-only page. */
    static boolean answersData(Method method) {
        Class<?> type = method.getReturnType();
        if (type == String.class || type == void.class) {
            return false;
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return mapping == null || !List.of(mapping.produces()).equals(List.of(org.springframework.http.MediaType.TEXT_HTML_VALUE));
    }

    @Bean
    OperationCustomizer documentedSuccessStatus() {
        return (operation, handlerMethod) -> {
            Method method = handlerMethod.getMethod();
            ApiResponses responses = operation.getResponses();
            ApiResponse ok = responses == null ? null : responses.get("200");
            if (ok == null) {
                return operation;
            }
            if (method.getReturnType() == Object.class || ModelAndView.class.isAssignableFrom(method.getReturnType())) {
                // a public path writing the page or its JSON itself: the type says nothing of the body
                ok.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema())));
            }
            if (AnnotatedElementUtils.hasAnnotation(method, ResponseStatus.class)) {
                return operation;
            }
            Set<HttpStatus> statuses = ResponseStatusScan.successStatuses(method);
            if (statuses.isEmpty() || statuses.equals(Set.of(HttpStatus.OK))) {
                return operation;
            }
            Map<String, ApiResponse> byCode = new TreeMap<>(responses);
            if (!statuses.contains(HttpStatus.OK)) {
                byCode.remove("200");
            }
            for (HttpStatus status : statuses) {
                if (status != HttpStatus.OK) {
                    byCode.put(String.valueOf(status.value()), new ApiResponse().description(status.getReasonPhrase())
                            .content(status == HttpStatus.NO_CONTENT ? null : ok.getContent())
                            .headers(ok.getHeaders()));
                }
            }
            ApiResponses documented = new ApiResponses();
            byCode.forEach(documented::addApiResponse);
            operation.setResponses(documented);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer bearerTokenSecurity() {
        return openApi -> {
            openApi.info(new Info().title("Sibao 四保白名单企业（项目）运行调度平台 API").version("v1")
                    .description("Integration API (API.md). Obtain a bearer token with POST " + TOKEN_PATH
                            + " and send it as Authorization: Bearer …; /public/** needs none."));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("The accessToken of POST " + TOKEN_PATH));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/") && !path.equals(TOKEN_PATH)) {
                    for (Operation operation : item.readOperations()) {
                        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                    }
                }
            });
        };
    }
}
