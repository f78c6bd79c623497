package dev.signalbox.panel.web;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The generated interfaces declare, for operations whose success has no body (204), only the
 * error type {@code application/problem+json} as "produces". Spring would then answer 406 to a
 * client that accepts {@code application/json}. Such error-only lists are dropped: they describe
 * errors, not what the operation requires of the client.
 */
@Component
class ApiHandlerMappingRegistrations implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected @Nullable RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
                if (info == null || info.getProducesCondition().isEmpty()) {
                    return info;
                }
                boolean onlyProblems = info.getProducesCondition().getProducibleMediaTypes().stream()
                        .allMatch(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype);
                return onlyProblems ? info.mutate().produces().build() : info;
            }
        };
    }
}
