package dev.tubebatch.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The roles, as names for {@code @RolesAllowed} and Spring Security's {@code hasRole}. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String ADMIN = "ADMIN";
    /** From the most to the least powerful, as forms list them. */
    public static final List<String> ALL = List.of(ADMIN, OPERATOR, VIEWER);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private Roles() {}

    static boolean isKnown(String role) {
        return KNOWN.contains(role);
    }

    /**
     * The roles a user or a token is granted for the roles asked for: a higher role includes the lower ones.
     *
     * @throws IllegalArgumentException naming the field {@code roles} when none or an unknown one is given
     */
    static List<String> granted(@Nullable Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: give at least one of VIEWER, OPERATOR, ADMIN");
        }
        for (String role : roles) {
            if (!isKnown(role)) {
                throw new IllegalArgumentException("roles: unknown role " + role + " (known: VIEWER, OPERATOR, ADMIN)");
            }
        }
        return withImplied(roles);
    }

    static List<String> withImplied(Collection<String> roles) {
        Set<String> granted = new LinkedHashSet<>();
        if (roles.contains(ADMIN)) {
            granted.addAll(List.of(ADMIN, OPERATOR, VIEWER));
        }
        if (roles.contains(OPERATOR)) {
            granted.addAll(List.of(OPERATOR, VIEWER));
        }
        granted.add(VIEWER);
        return List.copyOf(granted);
    }
}
