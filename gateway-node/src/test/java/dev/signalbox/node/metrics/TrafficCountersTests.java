package dev.signalbox.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.LatencyBuckets;
import dev.signalbox.protocol.TrafficWindow;

class TrafficCountersTests {

    private static final long MILLI = 1_000_000;
    private static final UUID LOAD_BALANCER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID TARGET = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private final TrafficCounters counters = new TrafficCounters(TrafficKey.of(LOAD_BALANCER, GROUP, TARGET));

    @Test
    void countsRequestsByStatusClassWithTheirBytes() {
        counters.record(2, 3 * MILLI, 100, 2_000);
        counters.record(2, 3 * MILLI, 0, 500);
        counters.record(4, MILLI, 10, 0);
        counters.record(5, 40 * MILLI, 0, 0);
        counters.record(3, MILLI / 2, 0, 0);
        counters.record(1, MILLI / 2, 0, 0);
        counters.record(TrafficCounters.NO_STATUS, TrafficCounters.NO_LATENCY, 7, 0);

        TrafficWindow window = counters.drain();

        assertThat(window).isEqualTo(new TrafficWindow(LOAD_BALANCER, GROUP, TARGET, 7, 1, 2, 1, 1, 1, 117, 2_500, 0,
                latencies(3, 0, 2, 0, 0, 1)));
    }

    @Test
    void placesLatenciesInTheFirstBucketWhoseBoundTheyDoNotExceed() {
        assertThat(TrafficCounters.bucketOf(0)).isZero();
        assertThat(TrafficCounters.bucketOf(MILLI)).isZero();
        assertThat(TrafficCounters.bucketOf(MILLI + 1)).isEqualTo(1);
        assertThat(TrafficCounters.bucketOf(3 * MILLI / 2)).isEqualTo(1);
        assertThat(TrafficCounters.bucketOf(2 * MILLI)).isEqualTo(1);
        assertThat(TrafficCounters.bucketOf(250 * MILLI)).isEqualTo(7);
        assertThat(TrafficCounters.bucketOf(10_000 * MILLI)).isEqualTo(12);
        assertThat(TrafficCounters.bucketOf(10_000 * MILLI + 1)).isEqualTo(13);
        assertThat(TrafficCounters.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    }

    @Test
    void agreesWithTheProtocolOnWholeMilliseconds() {
        for (long millis = 0; millis <= 12_000; millis++) {
            assertThat(TrafficCounters.bucketOf(millis * MILLI)).as("%d ms", millis)
                    .isEqualTo(LatencyBuckets.indexOf(millis));
        }
    }

    @Test
    void classifiesStatuses() {
        assertThat(TrafficCounters.statusClassOf(101)).isEqualTo(1);
        assertThat(TrafficCounters.statusClassOf(204)).isEqualTo(2);
        assertThat(TrafficCounters.statusClassOf(399)).isEqualTo(3);
        assertThat(TrafficCounters.statusClassOf(404)).isEqualTo(4);
        assertThat(TrafficCounters.statusClassOf(599)).isEqualTo(5);
        assertThat(TrafficCounters.statusClassOf(99)).isEqualTo(TrafficCounters.NO_STATUS);
        assertThat(TrafficCounters.statusClassOf(600)).isEqualTo(TrafficCounters.NO_STATUS);
    }

    @Test
    void startsEveryWindowAfreshButKeepsWhatIsInFlight() {
        counters.started();
        counters.started();
        counters.record(2, MILLI, 0, 0);
        counters.ended();

        TrafficWindow first = counters.drain();
        TrafficWindow second = counters.drain();
        counters.ended();
        TrafficWindow third = counters.drain();

        assertThat(first.requests()).isEqualTo(1);
        assertThat(first.inFlight()).isEqualTo(1);
        assertThat(second).isEqualTo(new TrafficWindow(LOAD_BALANCER, GROUP, TARGET, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                latencies()));
        assertThat(third).as("nothing happened and nothing is in flight").isNull();
    }

    @Test
    void leavesOutAWindowWithoutTraffic() {
        assertThat(counters.drain()).isNull();
    }

    @Test
    void countsEveryRequestOfManyThreadsInExactlyOneWindow() throws InterruptedException {
        int threads = 4;
        int requestsPerThread = 50_000;
        long[] drained = new long[1];
        Thread[] recorders = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            recorders[i] = new Thread(() -> {
                for (int n = 0; n < requestsPerThread; n++) {
                    counters.record(2, MILLI, 1, 1);
                }
            });
            recorders[i].start();
        }
        // windows end while the threads record
        while (anyAlive(recorders)) {
            addRequests(drained, counters.drain());
        }
        addRequests(drained, counters.drain());

        assertThat(drained[0]).isEqualTo((long) threads * requestsPerThread);
    }

    private static boolean anyAlive(Thread[] threads) throws InterruptedException {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                Thread.sleep(1);
                return true;
            }
        }
        return false;
    }

    private static void addRequests(long[] sum, TrafficWindow window) {
        if (window != null) {
            sum[0] += window.requests();
        }
    }

    /** Latency counts with the given leading buckets and zeroes after. */
    private static List<Long> latencies(long... leading) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(LatencyBuckets.COUNT, 0L));
        for (int i = 0; i < leading.length; i++) {
            counts.set(i, leading[i]);
        }
        return counts;
    }
}
