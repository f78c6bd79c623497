package dev.signalbox.panel.auth;

import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.api.model.Tenant;
import dev.signalbox.panel.api.model.User;

/** Maps users and tenants to the {@code Session} body that sign-up, login and "who am I" return. */
public final class SessionViews {

    private SessionViews() {
    }

    public static User user(UserInfo user) {
        return new User(user.id(), user.email(), user.displayName(), User.RoleEnum.fromValue(user.role().name()));
    }

    static Session session(UserInfo user, TenantDirectory.Entry tenant) {
        return new Session(user(user), new Tenant(tenant.id(), tenant.slug(), tenant.name()));
    }
}
