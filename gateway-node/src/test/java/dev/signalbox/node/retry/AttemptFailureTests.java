package dev.signalbox.node.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.netty.channel.ConnectTimeoutException;

class AttemptFailureTests {

    @Test
    void aRefusedOrUnresolvableTargetIsAConnectFailureAnswered502() {
        assertThat(AttemptFailure.of(new ConnectException("Connection refused"))).isEqualTo(AttemptFailure.CONNECT_FAILED);
        assertThat(AttemptFailure.of(new UnknownHostException("app.internal"))).isEqualTo(AttemptFailure.CONNECT_FAILED);
        assertThat(AttemptFailure.CONNECT_FAILED.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(AttemptFailure.CONNECT_FAILED.nothingSent()).isTrue();
    }

    @Test
    void aConnectTimeoutIsToldApartFromOtherConnectFailuresAndAnswered504() {
        AttemptFailure failure = AttemptFailure.of(new ConnectTimeoutException("connection timed out after 300 ms"));

        assertThat(failure).isEqualTo(AttemptFailure.CONNECT_TIMEOUT);
        assertThat(failure.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(failure.nothingSent()).isTrue();
    }

    @Test
    void aResponseTimeoutIsAGatewayTimeoutAfterTheRequestWentOut() {
        assertThat(AttemptFailure.RESPONSE_TIMEOUT.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(AttemptFailure.RESPONSE_TIMEOUT.nothingSent()).isFalse();
    }

    @Test
    void aConnectionClosedOrResetBeforeTheResponseIsBroken() {
        assertThat(AttemptFailure.of(new ClosedChannelException())).isEqualTo(AttemptFailure.CONNECTION_BROKEN);
        assertThat(AttemptFailure.of(new IOException("Connection reset by peer")))
                .isEqualTo(AttemptFailure.CONNECTION_BROKEN);
        assertThat(AttemptFailure.CONNECTION_BROKEN.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void anythingElseIsTheNodesOwnFaultAndNotCountedAgainstTheTarget() {
        AttemptFailure failure = AttemptFailure.of(new IllegalStateException("a bug"));

        assertThat(failure).isEqualTo(AttemptFailure.OTHER);
        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.targetsFault()).isFalse();
        assertThat(AttemptFailure.CONNECT_FAILED.targetsFault()).isTrue();
        assertThat(AttemptFailure.RESPONSE_TIMEOUT.targetsFault()).isTrue();
    }

    @Test
    void looksThroughWrappingExceptions() {
        var wrapped = new RuntimeException("wrapped", new IllegalStateException("again", new ConnectException("refused")));

        assertThat(AttemptFailure.of(wrapped)).isEqualTo(AttemptFailure.CONNECT_FAILED);
    }
}
