package dev.signalbox.node;

import dev.signalbox.embedded.EmbeddedKafka;

/**
 * What a node integration test runs against: a real KRaft broker with the config topics created
 * (and a producer standing in for the panel), two real HTTP targets and a client for listener ports.
 */
record NodeTestServices(EmbeddedKafka kafka, TestKafka panel, TestTarget alpha, TestTarget beta,
        ListenerClient client) implements AutoCloseable {

    static NodeTestServices start() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(0);
        TestKafka panel = new TestKafka(kafka);
        panel.createTopics();
        return new NodeTestServices(kafka, panel, TestTarget.start("alpha"), TestTarget.start("beta"),
                new ListenerClient());
    }

    @Override
    public void close() {
        client.close();
        alpha.close();
        beta.close();
        kafka.close();
    }
}
