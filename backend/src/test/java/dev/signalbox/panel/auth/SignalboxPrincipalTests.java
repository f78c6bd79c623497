package dev.signalbox.panel.auth;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class SignalboxPrincipalTests {

    private static UserInfo user(Role role) {
        return new UserInfo(UUID.randomUUID(), UUID.randomUUID(), "u@example.com", "U", role);
    }

    private static Set<String> authorities(SignalboxPrincipal principal) {
        return Set.copyOf(principal.authorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Test
    void aSessionMayDoWhatTheRoleAllowsAndManageTokens() {
        assertThat(authorities(SignalboxPrincipal.session(user(Role.EDITOR)))).contains(SignalboxPrincipal.READ_CONFIG,
                SignalboxPrincipal.WRITE_CONFIG, SignalboxPrincipal.CONSOLE_SESSION, "ROLE_EDITOR");
        assertThat(authorities(SignalboxPrincipal.session(user(Role.VIEWER))))
                .contains(SignalboxPrincipal.READ_CONFIG).doesNotContain(SignalboxPrincipal.WRITE_CONFIG);
    }

    @Test
    void aTokenNeverExceedsItsScopeNorItsUsersRole() {
        assertThat(authorities(SignalboxPrincipal.token(user(Role.ADMIN), Set.of(TokenScope.READ))))
                .contains(SignalboxPrincipal.READ_CONFIG)
                .doesNotContain(SignalboxPrincipal.WRITE_CONFIG, SignalboxPrincipal.CONSOLE_SESSION);
        assertThat(authorities(SignalboxPrincipal.token(user(Role.ADMIN), Set.of(TokenScope.WRITE))))
                .contains(SignalboxPrincipal.READ_CONFIG, SignalboxPrincipal.WRITE_CONFIG);
        assertThat(authorities(SignalboxPrincipal.token(user(Role.VIEWER), Set.of(TokenScope.READ, TokenScope.WRITE))))
                .doesNotContain(SignalboxPrincipal.WRITE_CONFIG);
    }

    @Test
    void onlyAdminsAdministerTheTenantAndATokenNeedsTheWriteScopeToChangeAnything() {
        assertThat(authorities(SignalboxPrincipal.session(user(Role.ADMIN))))
                .contains(SignalboxPrincipal.READ_TENANT_ADMIN, SignalboxPrincipal.WRITE_TENANT_ADMIN,
                        SignalboxPrincipal.READ_AUDIT);
        assertThat(authorities(SignalboxPrincipal.token(user(Role.ADMIN), Set.of(TokenScope.READ))))
                .contains(SignalboxPrincipal.READ_TENANT_ADMIN, SignalboxPrincipal.READ_AUDIT)
                .doesNotContain(SignalboxPrincipal.WRITE_TENANT_ADMIN);
        assertThat(authorities(SignalboxPrincipal.session(user(Role.EDITOR))))
                .contains(SignalboxPrincipal.READ_AUDIT)
                .doesNotContain(SignalboxPrincipal.READ_TENANT_ADMIN, SignalboxPrincipal.WRITE_TENANT_ADMIN);
        assertThat(authorities(SignalboxPrincipal.session(user(Role.VIEWER))))
                .doesNotContain(SignalboxPrincipal.READ_AUDIT, SignalboxPrincipal.READ_TENANT_ADMIN);
    }

    @Test
    void operatorsAreMarkedByConfigurationNotByRole() {
        assertThat(authorities(SignalboxPrincipal.session(user(Role.VIEWER), true)))
                .contains(SignalboxPrincipal.OPERATE_PLATFORM);
        assertThat(authorities(SignalboxPrincipal.session(user(Role.ADMIN), false)))
                .doesNotContain(SignalboxPrincipal.OPERATE_PLATFORM);
    }

    @Test
    void theActorNamesTheUserAndWhetherATokenWasUsed() {
        UserInfo user = user(Role.ADMIN);
        assertThat(SignalboxPrincipal.session(user).actor()).isEqualTo("u@example.com");
        assertThat(SignalboxPrincipal.token(user, Set.of(TokenScope.WRITE)).actor()).isEqualTo("u@example.com (API token)");
        UUID tokenId = UUID.randomUUID();
        assertThat(SignalboxPrincipal.token(user, new SignalboxPrincipal.TokenRef(tokenId, "deploy"),
                Set.of(TokenScope.WRITE), false).actor()).isEqualTo("u@example.com (API token 'deploy' " + tokenId + ")");
    }
}
