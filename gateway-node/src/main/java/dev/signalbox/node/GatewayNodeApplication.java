package dev.signalbox.node;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.signalbox.protocol.ProtocolCodec;

/** Starts a gateway node: the admin server on {@code server.port}, listener ports as the config says. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayNodeApplication.class, args);
    }

    @Bean
    ProtocolCodec protocolCodec() {
        return new ProtocolCodec();
    }

    /** The one clock the node stamps applied revisions and reports with, replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
