package dev.tubebatch.security;

/** The roles, as names for {@code @RolesAllowed} and Spring Security's {@code hasRole}. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
