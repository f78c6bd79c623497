package dev.signalbox.devstack;

import java.io.PrintStream;

/** What the developer sees once the local stack is ready. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, StackPorts ports, DemoData.DemoSetup demo) {
        String url = "http://" + demo.dnsName() + ":" + demo.listenerPort() + "/";
        out.println();
        out.println("  Signalbox is running locally.");
        out.println();
        out.println("  Console      http://localhost:" + ports.panel() + "/");
        out.println("  Login        " + DemoData.EMAIL + " / " + DemoData.PASSWORD);
        out.println("  API          http://localhost:" + ports.panel() + "/api/v1");
        out.println("  API token    " + demo.apiToken());
        out.println("  Try          curl " + url);
        out.println("               (answers target 1, target 2, target 1, ... round robin)");
        out.println("  Mail         SMTP sink on 127.0.0.1:" + ports.smtp());
        out.println("  Node admin   http://localhost:" + ports.nodeAdmin() + "/actuator/health");
        out.println();
        out.println("  Ctrl-C stops everything and removes all data.");
        out.println();
    }

    static void printPanelOnly(PrintStream out, StackPorts ports, String kafkaBootstrapServers) {
        out.println();
        out.println("  Signalbox services and panel are running locally (no gateway node).");
        out.println();
        out.println("  Console      http://localhost:" + ports.panel() + "/          sign up a tenant first");
        out.println("  API          http://localhost:" + ports.panel() + "/api/v1");
        out.println("  Kafka        " + kafkaBootstrapServers);
        out.println("  Own node     java -jar " + LocalStack.NODE_JAR + " --spring.kafka.bootstrap-servers="
                + kafkaBootstrapServers + " --signalbox.node.listen-address=127.0.0.1");
        out.println();
        out.println("  Ctrl-C stops everything and removes all data.");
        out.println();
    }
}
