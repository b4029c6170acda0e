package org.sibao.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its texts in its own bundle, {@code i18n/<module>.properties} (zh-CN) beside
 * {@code i18n/<module>_en.properties}; this finds all of them, so a new module needs no central list.
 * {@code messages} is searched first.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfig {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static String[] basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            TreeSet<String> modules = new TreeSet<>();
            Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .map(name -> name.replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""))
                    .filter(name -> !name.equals("messages"))
                    .forEach(modules::add);
            String[] names = new String[modules.size() + 1];
            names[0] = "i18n/messages";
            int i = 1;
            for (String m : modules) {
                names[i++] = "i18n/" + m;
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
