package dev.signalbox.panel.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.problem.ConflictException;

/** Creates users and checks their passwords. */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /** Compared against when the e-mail is unknown, so a wrong address costs as much time as a wrong password. */
    private final String decoyHash;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy password, never a real one");
    }

    @Transactional
    public UserInfo create(UUID tenantId, String email, String displayName, String password, Role role) {
        String canonicalEmail = EmailAddresses.canonical(email);
        if (users.existsByEmail(canonicalEmail)) {
            throw new ConflictException("A user with e-mail " + canonicalEmail + " exists; log in instead");
        }
        User user = new User(tenantId, canonicalEmail, displayName.trim(), passwordEncoder.encode(password), role,
                clock.instant());
        return users.saveAndFlush(user).info();
    }

    @Transactional(readOnly = true)
    Optional<UserInfo> checkPassword(String email, String password) {
        Optional<User> user = users.findByEmail(EmailAddresses.canonical(email));
        String hash = user.map(User::passwordHash).orElse(decoyHash);
        boolean matches = passwordEncoder.matches(password, hash);
        return matches ? user.map(User::info) : Optional.empty();
    }

    @Transactional(readOnly = true)
    Optional<UserInfo> find(UUID userId) {
        return users.findById(userId).map(User::info);
    }
}
