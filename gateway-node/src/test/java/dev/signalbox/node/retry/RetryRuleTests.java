package dev.signalbox.node.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class RetryRuleTests {

    @Test
    void aConnectFailureIsRetriedOnceEvenWhenTheGroupAllowsNoRetries() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 1, 0)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, HttpMethod.GET, false, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, HttpMethod.GET, false, 1, 0)).isFalse();
    }

    @Test
    void aConnectFailureIsRetriedAsOftenAsTheGroupAllows() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 2, 3)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 3, 3)).isFalse();
    }

    @Test
    void aConnectFailureIsRetriedWhateverTheMethodAndBody() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.POST, true, 0, 0)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_TIMEOUT, HttpMethod.PATCH, true, 0, 2)).isTrue();
    }

    @Test
    void aBrokenConnectionIsRetriedOnlyForIdempotentRequestsWithoutABodyAndOnlyWhenTheGroupAllowsRetries() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 0, 0)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 0, 1)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 1, 1)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.DELETE, false, 0, 1)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.PUT, true, 0, 1)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.POST, false, 0, 5)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.PATCH, false, 0, 5)).isFalse();
    }

    @Test
    void responseTimeoutsAndLocalFaultsAreNeverRetried() {
        assertThat(RetryRule.allows(AttemptFailure.RESPONSE_TIMEOUT, HttpMethod.GET, false, 0, 5)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.OTHER, HttpMethod.GET, false, 0, 5)).isFalse();
    }

    @Test
    void retriesBeyondTheProtocolsBoundAreCappedAtFive() {
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 4, 9)).isTrue();
        assertThat(RetryRule.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 5, 9)).isFalse();
        assertThat(RetryRule.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 0, -1)).isFalse();
    }

    @Test
    void theIdempotentMethodsAreThoseOfRfc9110() {
        assertThat(HttpMethod.values()).filteredOn(RetryRule::isIdempotent).containsExactlyInAnyOrder(HttpMethod.GET,
                HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);
    }

    @Test
    void aRequestHasABodyWhenItAnnouncesALengthOrATransferCoding() {
        HttpHeaders none = new HttpHeaders();
        HttpHeaders empty = new HttpHeaders();
        empty.setContentLength(0);
        HttpHeaders sized = new HttpHeaders();
        sized.setContentLength(12);
        HttpHeaders chunked = new HttpHeaders();
        chunked.set(HttpHeaders.TRANSFER_ENCODING, "chunked");

        assertThat(RetryRule.hasBody(none)).isFalse();
        assertThat(RetryRule.hasBody(empty)).isFalse();
        assertThat(RetryRule.hasBody(sized)).isTrue();
        assertThat(RetryRule.hasBody(chunked)).isTrue();
    }
}
