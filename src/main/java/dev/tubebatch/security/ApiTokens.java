package dev.tubebatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens: created by an admin for a script, shown once, stored as a SHA-256 hash (a token is 32 random bytes,
 * so a fast hash is enough: there is nothing to guess), revocable. A token carries roles like a user does.
 */
@Service
public class ApiTokens {

    /** Every token starts with this, so a leaked one is recognisable in logs and secret scanners. */
    static final String PREFIX = "tb_";
    public static final int MAX_NAME_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as it is listed: never its secret. */
    public record ApiToken(UUID id, String name, List<String> roles, String createdBy, Instant createdAt,
            @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {}

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record Issued(ApiToken token, String secret) {}

    /**
     * Creates a token. Roles grant what they grant a user; a higher role includes the lower ones.
     *
     * @throws IllegalArgumentException naming the field when the name or a role is not acceptable
     */
    public Issued create(@Nullable String name, @Nullable Collection<String> roles, String createdBy) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: control characters are not allowed");
        }
        List<String> granted = Roles.granted(roles);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID(), cleanName, granted, createdBy, clock.instant(), null, null);
        jdbc.sql("""
                insert into api_token (id, name, roles, token_hash, created_by, created_at)
                values (:id, :name, :roles, :hash, :createdBy, :createdAt)""")
                .param("id", token.id())
                .param("name", token.name())
                .param("roles", String.join(",", granted))
                .param("hash", hash(secret))
                .param("createdBy", createdBy)
                .param("createdAt", java.sql.Timestamp.from(token.createdAt()))
                .update();
        return new Issued(token, secret);
    }

    public List<ApiToken> list() {
        return jdbc.sql("select * from api_token order by created_at desc").query(ApiTokens::row).list();
    }

    /** Revokes a token; false if there is no such token or it was revoked already. */
    public boolean revoke(UUID id) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", id)
                .update() == 1;
    }

    /** The live token with this secret, its use recorded; empty for an unknown or revoked one. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update api_token set last_used_at = :now
                where token_hash = :hash and revoked_at is null
                returning *""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("hash", hash(secret))
                .query(ApiTokens::row)
                .optional();
    }

    private static ApiToken row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"),
                Arrays.asList(rs.getString("roles").split(",")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
