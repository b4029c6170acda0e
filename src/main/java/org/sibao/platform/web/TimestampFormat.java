package org.sibao.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every timestamp the API writes has exactly six fraction digits (microseconds, as both databases store time) and
 * its offset, in the configured zone (China Standard Time): {@code 2026-12-07T21:13:40.120000+08:00}. Java's ISO
 * format drops trailing zeros (".12"), and parsers that accept only three or six digits — Python's
 * {@code datetime.fromisoformat} before 3.11, many strict ISO parsers — then fail on one timestamp in ten.
 */
@Configuration(proxyBeanMethods = false)
class TimestampFormat {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    @Bean
    JsonMapperBuilderCustomizer fixedTimestampDigits() {
        SimpleModule module = new SimpleModule("sibao-timestamps");
        module.addSerializer(OffsetDateTime.class, new ValueSerializer<OffsetDateTime>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(format(value, ctxt));
            }
        });
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(format(value.atOffset(java.time.ZoneOffset.UTC), ctxt));
            }
        });
        return builder -> builder.addModule(module);
    }

    static String format(OffsetDateTime value, SerializationContext ctxt) {
        TimeZone zone = ctxt.getTimeZone();
        return FORMAT.format(zone == null ? value : value.atZoneSameInstant(ZoneId.of(zone.getID())));
    }
}
