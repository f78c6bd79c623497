package dev.signalbox.panel.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.NotFoundException;

/** Creates users, checks their passwords, and changes or removes them within their tenant. */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the e-mail is unknown, so a wrong address costs as much time as a wrong password. */
    private final String decoyHash;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy password, never a real one");
    }

    /** A role change: the user as it was and as it is now. */
    public record RoleChange(Role before, UserInfo user) {
    }

    /** The outcome of a password check: the account the e-mail names (if any) and whether the password matched. */
    record PasswordCheck(@Nullable UserInfo account, boolean matches) {
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

    /** Whether any tenant has a user with the e-mail (e-mails are unique platform-wide); needs the system scope. */
    @Transactional(readOnly = true)
    public boolean emailTaken(String email) {
        return users.existsByEmail(EmailAddresses.canonical(email));
    }

    @Transactional(readOnly = true)
    public List<UserInfo> list(UUID tenantId) {
        return users.findByTenantIdOrderByEmail(tenantId).stream().map(User::info).toList();
    }

    /** Changes the role; the tenant's last admin keeps it (409), so a tenant is never without one. */
    @Transactional
    public RoleChange changeRole(UUID tenantId, UUID userId, Role role) {
        User user = load(tenantId, userId);
        Role before = user.role();
        if (before == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(tenantId, userId, "demoted");
        }
        user.changeRole(role);
        users.flush();
        UserInfo changed = user.info();
        events.publishEvent(new SecurityEvent(tenantId, SecurityEvent.ROLE_CHANGED, "user", userId.toString(),
                changed.email() + " is now " + role + " (was " + before + ")", null, Map.of("role", before.name()),
                Map.of("role", role.name())));
        return new RoleChange(before, changed);
    }

    /** Removes the user with its API tokens (the database cascades); never the last admin (409). */
    @Transactional
    public UserInfo remove(UUID tenantId, UUID userId) {
        User user = load(tenantId, userId);
        if (user.role() == Role.ADMIN) {
            requireAnotherAdmin(tenantId, userId, "removed");
        }
        UserInfo removed = user.info();
        users.delete(user);
        users.flush();
        events.publishEvent(new SecurityEvent(tenantId, SecurityEvent.USER_REMOVED, "user", userId.toString(),
                removed.email() + " removed", null, Map.of("email", removed.email(), "role", removed.role().name()),
                Map.of()));
        return removed;
    }

    @Transactional(readOnly = true)
    PasswordCheck checkPassword(String email, String password) {
        Optional<User> user = users.findByEmail(EmailAddresses.canonical(email));
        String hash = user.map(User::passwordHash).orElse(decoyHash);
        boolean matches = passwordEncoder.matches(password, hash);
        return new PasswordCheck(user.map(User::info).orElse(null), matches && user.isPresent());
    }

    @Transactional(readOnly = true)
    Optional<UserInfo> find(UUID userId) {
        return users.findById(userId).map(User::info);
    }

    private User load(UUID tenantId, UUID userId) {
        return users.findByIdAndTenantId(userId, tenantId)
                .orElseThrow(() -> new NotFoundException("No user " + userId));
    }

    private void requireAnotherAdmin(UUID tenantId, UUID userId, String change) {
        boolean another = users.findByTenantIdAndRole(tenantId, Role.ADMIN).stream()
                .anyMatch(admin -> !admin.id().equals(userId));
        if (!another) {
            throw new ConflictException("The last admin of a tenant cannot be " + change
                    + "; make another user an admin first");
        }
    }
}
