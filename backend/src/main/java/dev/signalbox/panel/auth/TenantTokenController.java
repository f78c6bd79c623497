package dev.signalbox.panel.auth;

import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TenantTokensApi;
import dev.signalbox.panel.api.model.TenantApiToken;
import dev.signalbox.panel.api.model.TenantApiTokenList;

/** Admins see and revoke every API token of their tenant. */
@RestController
class TenantTokenController implements TenantTokensApi {

    private final ApiTokens tokens;
    private final CurrentPrincipal currentPrincipal;

    TenantTokenController(ApiTokens tokens, CurrentPrincipal currentPrincipal) {
        this.tokens = tokens;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<TenantApiTokenList> listTenantApiTokens() {
        var items = tokens.listTenant(currentPrincipal.get().tenantId()).stream().map(TenantTokenController::toDto)
                .toList();
        return ResponseEntity.ok(new TenantApiTokenList(items));
    }

    @Override
    public ResponseEntity<Void> revokeTenantApiToken(UUID tokenId) {
        tokens.revokeInTenant(currentPrincipal.get().tenantId(), tokenId);
        return ResponseEntity.noContent().build();
    }

    private static TenantApiToken toDto(ApiTokens.Owned owned) {
        ApiTokenView view = owned.token();
        TenantApiToken dto = new TenantApiToken(view.id(), view.name(), view.prefix(),
                view.scopes().stream().map(s -> TenantApiToken.ScopesEnum.fromValue(s.wireName())).toList(),
                view.createdAt().atOffset(ZoneOffset.UTC), view.expiresAt().atOffset(ZoneOffset.UTC), owned.ownerId(),
                owned.ownerEmail());
        if (view.lastUsedAt() != null) {
            dto.setLastUsedAt(view.lastUsedAt().atOffset(ZoneOffset.UTC));
        }
        return dto;
    }
}
