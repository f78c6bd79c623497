package dev.signalbox.panel.rowsecurity;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RowSecurityConfiguration {

    /**
     * Wraps the application's pool; Flyway has its own data source (spring.flyway.url), so
     * migrations run as the owner without a scope.
     */
    @Bean
    static BeanPostProcessor rowScopedDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof RowScopedDataSource)
                        ? new RowScopedDataSource(dataSource) : bean;
            }
        };
    }
}
