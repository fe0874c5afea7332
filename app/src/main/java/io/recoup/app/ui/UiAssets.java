package io.recoup.app.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The dashboard's scripts from the webjars in the jar (htmx, uPlot) at {@code /ui/assets/<library>/<file>}, without
 * the version in the path: the webjar's own version is found at run time, so a version bump changes only the POM.
 */
@Configuration(proxyBeanMethods = false)
public class UiAssets implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/ui/assets/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
