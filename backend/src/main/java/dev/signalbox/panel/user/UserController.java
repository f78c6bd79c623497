package dev.signalbox.panel.user;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.UsersApi;
import dev.signalbox.panel.api.model.RoleChangeRequest;
import dev.signalbox.panel.api.model.User;
import dev.signalbox.panel.api.model.UserList;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.auth.Role;
import dev.signalbox.panel.auth.SessionViews;
import dev.signalbox.panel.auth.UserAccounts;

/** Admins list the tenant's users, change their roles and remove them (never the last admin). */
@RestController
class UserController implements UsersApi {

    private final UserAccounts users;
    private final CurrentPrincipal currentPrincipal;

    UserController(UserAccounts users, CurrentPrincipal currentPrincipal) {
        this.users = users;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<UserList> listUsers() {
        var items = users.list(currentPrincipal.get().tenantId()).stream().map(SessionViews::user).toList();
        return ResponseEntity.ok(new UserList(items));
    }

    @Override
    public ResponseEntity<User> changeUserRole(UUID userId, RoleChangeRequest request) {
        UserAccounts.RoleChange change = users.changeRole(currentPrincipal.get().tenantId(), userId,
                Role.valueOf(request.getRole().getValue()));
        return ResponseEntity.ok(SessionViews.user(change.user()));
    }

    @Override
    public ResponseEntity<Void> removeUser(UUID userId) {
        users.remove(currentPrincipal.get().tenantId(), userId);
        return ResponseEntity.noContent().build();
    }
}
