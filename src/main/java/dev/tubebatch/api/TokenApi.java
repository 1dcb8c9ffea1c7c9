package dev.tubebatch.api;

import dev.tubebatch.security.ApiTokens;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens, for admins: create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping(path = "/api/tokens", produces = "application/json")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record CreateToken(@Nullable String name, @Nullable List<String> roles) {}

    /** A token as created: {@code token} is the secret, to be sent as {@code Authorization: Bearer <token>}. */
    record CreatedToken(ApiTokens.ApiToken info, String token) {}

    @PostMapping(consumes = "application/json")
    ResponseEntity<CreatedToken> create(@RequestBody CreateToken request, Principal principal) {
        ApiTokens.Issued issued = tokens.create(request.name(), request.roles(), principal.getName());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id()))
                .body(new CreatedToken(issued.token(), issued.secret()));
    }

    @GetMapping
    List<ApiTokens.ApiToken> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!tokens.revoke(id)) {
            throw new ApiProblems.ConflictException("No live token with id " + id + " (unknown or revoked already).");
        }
        return ResponseEntity.noContent().build();
    }
}
