package dev.signalbox.panel.auth;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenSecretsTests {

    private final ApiTokenSecrets secrets = new ApiTokenSecrets(new SecureRandom());

    @Test
    void anIssuedTokenIsSbxAnd32RandomBytesInBase64Url() {
        ApiTokenSecrets.Issued issued = secrets.issue();

        assertThat(issued.secret()).matches("sbx_[A-Za-z0-9_-]{43}");
        assertThat(issued.prefix()).isEqualTo(issued.secret().substring(4, 12)).hasSize(8);
        assertThat(issued.hash()).matches("[0-9a-f]{64}").isEqualTo(ApiTokenSecrets.hash(issued.secret()));
    }

    @Test
    void theStoredHashIsSha256HexOfTheWholeToken() {
        // the FIPS 180-2 test vector for "abc"
        assertThat(ApiTokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(secrets.issue().secret())).isTrue();
        }
    }

    @Test
    void onlyWellFormedPresentedTokensAreLookedUp() {
        String secret = secrets.issue().secret();
        assertThat(ApiTokenSecrets.hashOfPresented(secret)).contains(ApiTokenSecrets.hash(secret));
        assertThat(ApiTokenSecrets.hashOfPresented("sbx_short")).isEmpty();
        assertThat(ApiTokenSecrets.hashOfPresented(secret.replace("sbx_", "xyz_"))).isEmpty();
        assertThat(ApiTokenSecrets.hashOfPresented(secret + "A")).isEmpty();
        assertThat(ApiTokenSecrets.hashOfPresented("sbx_" + "+".repeat(43))).isEmpty();
        assertThat(ApiTokenSecrets.hashOfPresented("")).isEmpty();
    }
}
