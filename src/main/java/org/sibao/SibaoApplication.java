package org.sibao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 四保白名单企业（项目）运行调度平台 — one modular monolith; see README.md for the module map. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Modulithic(systemName = "Sibao", sharedModules = "platform")
public class SibaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(SibaoApplication.class, args);
    }
}
