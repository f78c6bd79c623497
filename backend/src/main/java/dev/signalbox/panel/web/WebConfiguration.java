package dev.signalbox.panel.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/** The API lives under {@code /api/v1}; everything else is the console, a single-page app. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String API_PREFIX = "/api/v1";

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(API_PREFIX, HandlerTypePredicate.forAnnotation(RestController.class));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new ConsoleResourceResolver());
    }

    /**
     * Serves the console's files, and its index page for the console's own routes (paths without a
     * file extension), so a reload on {@code /load-balancers/…} works. API and actuator paths are
     * never answered with the page: they stay 404 problems.
     */
    private static final class ConsoleResourceResolver extends PathResourceResolver {

        @Override
        protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource resource = super.getResource(resourcePath, location);
            if (resource != null) {
                return resource;
            }
            boolean consoleRoute = !resourcePath.startsWith("api/") && !resourcePath.startsWith("actuator/")
                    && !resourcePath.substring(resourcePath.lastIndexOf('/') + 1).contains(".");
            return consoleRoute ? super.getResource("index.html", location) : null;
        }
    }
}
