package dev.signalbox.panel.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.SessionApi;
import dev.signalbox.panel.api.model.LoginRequest;
import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.rowsecurity.RowScope;

@RestController
class SessionController implements SessionApi {

    private final PasswordLogins logins;
    private final SessionLogin sessionLogin;
    private final CurrentPrincipal currentPrincipal;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final HttpServletRequest request;

    SessionController(PasswordLogins logins, SessionLogin sessionLogin, CurrentPrincipal currentPrincipal,
            TenantDirectory tenants, ApplicationEventPublisher events, HttpServletRequest request) {
        this.logins = logins;
        this.sessionLogin = sessionLogin;
        this.currentPrincipal = currentPrincipal;
        this.tenants = tenants;
        this.events = events;
        this.request = request;
    }

    @Override
    public ResponseEntity<Session> getSession() {
        UserInfo user = currentPrincipal.get().user();
        return ResponseEntity.ok(SessionViews.session(user, tenants.describe(user.tenantId())));
    }

    /** Source addresses are the peer's; behind a proxy, configure server.forward-headers-strategy and trusted proxies. */
    @Override
    public ResponseEntity<Session> logIn(LoginRequest request) {
        UserInfo user = logins.check(request.getEmail(), request.getPassword(), this.request.getRemoteAddr());
        sessionLogin.logIn(user);
        Session body = RowScope.tenant(user.tenantId(), () -> {
            events.publishEvent(SecurityEvent.of(user.tenantId(), SecurityEvent.LOGIN, "session", null,
                    user.email() + " logged in", user.email()));
            return SessionViews.session(user, tenants.describe(user.tenantId()));
        });
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<Void> logOut() {
        currentPrincipal.find().ifPresent(principal -> events.publishEvent(SecurityEvent.of(principal.tenantId(),
                SecurityEvent.LOGOUT, "session", null, principal.user().email() + " logged out", principal.user().email())));
        sessionLogin.logOut();
        return ResponseEntity.noContent().build();
    }
}
