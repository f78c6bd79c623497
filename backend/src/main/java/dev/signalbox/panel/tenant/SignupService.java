package dev.signalbox.panel.tenant;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.Role;
import dev.signalbox.panel.auth.UserAccounts;
import dev.signalbox.panel.auth.UserInfo;
import dev.signalbox.panel.problem.ConflictException;

/** Creates a tenant together with its first user, an admin, in one transaction. */
@Service
class SignupService {

    private final TenantRepository tenants;
    private final UserAccounts users;
    private final Clock clock;

    SignupService(TenantRepository tenants, UserAccounts users, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.clock = clock;
    }

    record Signup(TenantInfo tenant, UserInfo admin) {
    }

    @Transactional
    Signup signUp(String slug, String tenantName, String email, String displayName, String password) {
        if (tenants.existsBySlug(slug)) {
            throw new ConflictException("The tenant name '" + slug + "' is taken; choose another tenantSlug");
        }
        Tenant tenant = tenants.saveAndFlush(new Tenant(slug, tenantName, clock.instant()));
        UserInfo admin = users.create(tenant.info().id(), email, displayName, password, Role.ADMIN);
        return new Signup(tenant.info(), admin);
    }
}
