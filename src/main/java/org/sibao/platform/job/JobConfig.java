package org.sibao.platform.job;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class JobConfig {

    /** Two workers: imports are database-bound, and app nodes are small. */
    @Bean(name = "jobExecutor", destroyMethod = "shutdown")
    ThreadPoolTaskExecutor jobExecutor() {
        ThreadPoolTaskExecutor ex = new ThreadPoolTaskExecutor();
        ex.setCorePoolSize(2);
        ex.setMaxPoolSize(2);
        ex.setQueueCapacity(100);
        ex.setThreadNamePrefix("job-");
        ex.initialize();
        return ex;
    }
}
