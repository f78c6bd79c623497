package dev.signalbox.node;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.signalbox.protocol.ProtocolCodec;
import io.netty.util.ResourceLeakDetector;

/** Starts a gateway node: the admin server on {@code server.port}, listener ports as the config says. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayNodeApplication {

    /** Netty's own switch for its buffer leak detection, which the node turns off unless it is set. */
    static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            // sampling buffers for leaks costs a few percent of every request's CPU time in production;
            // the tests, which start the node without this method, keep it on
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
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
