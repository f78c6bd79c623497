package dev.signalbox.panel;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Signalbox control panel: REST API, console hosting and config publishing. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SignalboxPanelApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignalboxPanelApplication.class, args);
    }

    /**
     * One clock for every feature, so time-dependent rules can be tested with a fixed one. It ticks
     * in microseconds, as Postgres stores times: a time held in memory equals the one read back
     * (entity tags of a just-created resource match those of the same resource read later).
     */
    @Bean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
