package dev.signalbox.node.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

class RetryRuleTests {

    @Test
    void aConnectFailureIsRetriedOnceEvenWhenTheGroupAllowsNoRetries() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 1, 0)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, "GET", false, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, "GET", false, 1, 0)).isFalse();
    }

    @Test
    void aConnectFailureIsRetriedAsOftenAsTheGroupAllows() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 2, 3)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 3, 3)).isFalse();
    }

    @Test
    void aConnectFailureIsRetriedWhateverTheMethodAndBody() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "POST", true, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, "PATCH", true, 0, 2)).isTrue();
    }

    @Test
    void aBrokenConnectionIsRetriedOnlyForIdempotentRequestsWithoutABodyAndOnlyWhenTheGroupAllowsRetries() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "GET", false, 0, 0)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "GET", false, 0, 1)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "GET", false, 1, 1)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "DELETE", false, 0, 1)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "PUT", true, 0, 1)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "POST", false, 0, 5)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "PATCH", false, 0, 5)).isFalse();
    }

    @Test
    void responseTimeoutsAndLocalFaultsAreNeverRetried() {
        assertThat(RetryRule.allows(AttemptFailure.RESPONSE_TIMEOUT, "GET", false, 0, 5)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.OTHER, "GET", false, 0, 5)).isFalse();
    }

    @Test
    void retriesBeyondTheProtocolsBoundAreCappedAtFive() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 4, 9)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, "GET", false, 5, 9)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, "GET", false, 0, -1)).isFalse();
    }

    @Test
    void theIdempotentMethodsAreThoseOfRfc9110() {
        assertThat(List.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE", "POST", "PATCH", "CONNECT", "get"))
                .filteredOn(RetryRule::isIdempotent)
                .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    }

    @Test
    void aRequestHasABodyWhenItAnnouncesALengthOrATransferCoding() {
        HttpHeaders none = new DefaultHttpHeaders();
        HttpHeaders empty = new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        HttpHeaders sized = new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_LENGTH, 12);
        HttpHeaders chunked = new DefaultHttpHeaders().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");

        assertThat(RetryRule.hasBody(none)).isFalse();
        assertThat(RetryRule.hasBody(empty)).isFalse();
        assertThat(RetryRule.hasBody(sized)).isTrue();
        assertThat(RetryRule.hasBody(chunked)).isTrue();
    }
}
