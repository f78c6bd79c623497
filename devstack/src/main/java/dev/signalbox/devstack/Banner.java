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
}
