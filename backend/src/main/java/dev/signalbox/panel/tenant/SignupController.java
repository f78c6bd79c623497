package dev.signalbox.panel.tenant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TenantsApi;
import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.api.model.SignupRequest;
import dev.signalbox.panel.api.model.Tenant;
import dev.signalbox.panel.auth.SessionLogin;
import dev.signalbox.panel.auth.SessionViews;

@RestController
class SignupController implements TenantsApi {

    private final SignupService signups;
    private final SessionLogin sessionLogin;

    SignupController(SignupService signups, SessionLogin sessionLogin) {
        this.signups = signups;
        this.sessionLogin = sessionLogin;
    }

    @Override
    public ResponseEntity<Session> signUp(SignupRequest request) {
        SignupService.Signup signup = signups.signUp(request.getTenantSlug(), request.getTenantName(),
                request.getEmail(), request.getDisplayName(), request.getPassword());
        sessionLogin.logIn(signup.admin());
        TenantInfo tenant = signup.tenant();
        Session body = new Session(SessionViews.user(signup.admin()), new Tenant(tenant.id(), tenant.slug(), tenant.name()));
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
