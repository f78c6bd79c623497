package dev.signalbox.panel.auth;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TokensApi;
import dev.signalbox.panel.api.model.ApiToken;
import dev.signalbox.panel.api.model.ApiTokenList;
import dev.signalbox.panel.api.model.ApiTokenRequest;
import dev.signalbox.panel.api.model.CreatedApiToken;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.InvalidFieldException;

@RestController
class ApiTokenController implements TokensApi {

    private static final int DEFAULT_LIFETIME_DAYS = 90;

    private final ApiTokens tokens;
    private final CurrentPrincipal currentPrincipal;

    ApiTokenController(ApiTokens tokens, CurrentPrincipal currentPrincipal) {
        this.tokens = tokens;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<ApiTokenList> listApiTokens(Integer limit, @Nullable String cursor, @Nullable String name,
            @Nullable String namePrefix) {
        Page<ApiTokenView> page = tokens.list(currentPrincipal.get().user(), NameFilter.of(name, namePrefix),
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new ApiTokenList(page.items().stream().map(ApiTokenController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<CreatedApiToken> createApiToken(ApiTokenRequest request) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (ApiTokenRequest.ScopesEnum scope : request.getScopes()) {
            if (scope == null) {
                throw new InvalidFieldException("/scopes", "must contain only read or write, not null");
            }
            scopes.add(TokenScope.fromWire(scope.getValue()));
        }
        int lifetimeDays = request.getExpiresInDays() == null ? DEFAULT_LIFETIME_DAYS : request.getExpiresInDays();
        ApiTokens.Created created = tokens.create(currentPrincipal.get().user(), request.getName(), scopes,
                lifetimeDays);
        ApiTokenView view = created.token();
        CreatedApiToken body = new CreatedApiToken(view.id(), view.name(), view.prefix(),
                view.scopes().stream().map(s -> CreatedApiToken.ScopesEnum.fromValue(s.wireName())).toList(),
                view.createdAt().atOffset(ZoneOffset.UTC), view.expiresAt().atOffset(ZoneOffset.UTC),
                created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(view.entityTag().header()).body(body);
    }

    @Override
    public ResponseEntity<Void> revokeApiToken(UUID tokenId, @Nullable String ifMatch) {
        tokens.revoke(currentPrincipal.get().user(), tokenId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ApiToken toDto(ApiTokenView view) {
        ApiToken dto = new ApiToken(view.id(), view.name(), view.prefix(),
                view.scopes().stream().map(s -> ApiToken.ScopesEnum.fromValue(s.wireName())).toList(),
                view.createdAt().atOffset(ZoneOffset.UTC), view.expiresAt().atOffset(ZoneOffset.UTC));
        if (view.lastUsedAt() != null) {
            dto.setLastUsedAt(view.lastUsedAt().atOffset(ZoneOffset.UTC));
        }
        return dto;
    }
}
