package dev.tubebatch.api;

import dev.tubebatch.security.Accounts;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users, for admins: list, add (with a first password), set roles or a password, remove. Answers never contain a
 * password or its hash; an admin can remove neither themselves nor the last admin (409).
 */
@RestController
// Users exist for a web server only; the command line and worker nodes have none, nor this controller.
@ConditionalOnWebApplication
@RequestMapping(path = "/api/users", produces = "application/json")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record CreateUser(@Nullable String username, @Nullable String password, @Nullable List<String> roles) {}

    /** What to change: the roles, the password or both. */
    record ChangeUser(@Nullable List<String> roles, @Nullable String password) {}

    @GetMapping
    List<Accounts.Account> list() {
        return accounts.list();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Accounts.Account> create(@RequestBody CreateUser request, Principal principal) {
        Accounts.Account account = accounts.create(request.username(), request.password(), request.roles(),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/users/" + account.username())).body(account);
    }

    @PutMapping(path = "/{username}", consumes = "application/json")
    Accounts.Account change(@PathVariable String username, @RequestBody ChangeUser request, Principal principal) {
        return accounts.update(username, request.roles(), request.password(), principal.getName());
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, Principal principal) {
        accounts.delete(username, principal.getName());
        return ResponseEntity.noContent().build();
    }
}
