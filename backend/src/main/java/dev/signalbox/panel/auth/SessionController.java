package dev.signalbox.panel.auth;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.SessionApi;
import dev.signalbox.panel.api.model.LoginRequest;
import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

@RestController
class SessionController implements SessionApi {

    private final UserAccounts users;
    private final SessionLogin sessionLogin;
    private final CurrentPrincipal currentPrincipal;
    private final TenantDirectory tenants;

    SessionController(UserAccounts users, SessionLogin sessionLogin, CurrentPrincipal currentPrincipal,
            TenantDirectory tenants) {
        this.users = users;
        this.sessionLogin = sessionLogin;
        this.currentPrincipal = currentPrincipal;
        this.tenants = tenants;
    }

    @Override
    public ResponseEntity<Session> getSession() {
        UserInfo user = currentPrincipal.get().user();
        return ResponseEntity.ok(SessionViews.session(user, tenants.describe(user.tenantId())));
    }

    @Override
    public ResponseEntity<Session> logIn(LoginRequest request) {
        UserInfo user = users.checkPassword(request.getEmail(), request.getPassword())
                .orElseThrow(() -> new SignalboxProblemException(ProblemType.UNAUTHORIZED,
                        "Wrong e-mail or password"));
        sessionLogin.logIn(user);
        return ResponseEntity.ok(SessionViews.session(user, tenants.describe(user.tenantId())));
    }

    @Override
    public ResponseEntity<Void> logOut() {
        sessionLogin.logOut();
        return ResponseEntity.noContent().build();
    }
}
