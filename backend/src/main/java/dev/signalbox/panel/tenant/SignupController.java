package dev.signalbox.panel.tenant;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TenantsApi;
import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.api.model.SignupRequest;
import dev.signalbox.panel.api.model.Tenant;
import dev.signalbox.panel.auth.SecurityEvent;
import dev.signalbox.panel.auth.SessionLogin;
import dev.signalbox.panel.auth.SessionViews;
import dev.signalbox.panel.rowsecurity.RowScope;

@RestController
class SignupController implements TenantsApi {

    private final SignupService signups;
    private final SessionLogin sessionLogin;
    private final ApplicationEventPublisher events;

    SignupController(SignupService signups, SessionLogin sessionLogin, ApplicationEventPublisher events) {
        this.signups = signups;
        this.sessionLogin = sessionLogin;
        this.events = events;
    }

    /** Runs in the system row scope: the tenant does not exist yet, and e-mails are unique across tenants. */
    @Override
    public ResponseEntity<Session> signUp(SignupRequest request) {
        SignupService.Signup signup = RowScope.system(() -> signups.signUp(request.getTenantSlug(),
                request.getTenantName(), request.getEmail(), request.getDisplayName(), request.getPassword()));
        sessionLogin.logIn(signup.admin());
        TenantInfo tenant = signup.tenant();
        RowScope.tenant(tenant.id(), () -> events.publishEvent(new SecurityEvent(tenant.id(), SecurityEvent.SIGNUP,
                "tenant", tenant.id().toString(), "Tenant " + tenant.slug() + " signed up by " + signup.admin().email(),
                signup.admin().email(), Map.of(), Map.of("slug", tenant.slug(), "name", tenant.name(),
                        "admin", signup.admin().email()))));
        Session body = new Session(SessionViews.user(signup.admin()), new Tenant(tenant.id(), tenant.slug(), tenant.name()));
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
