package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.tubebatch.security.Accounts;
import dev.tubebatch.security.Roles;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The views about accounts in the test's JVM (karibu-testing) on the embedded PostgreSQL: changing one's own
 * password from the main layout, the admins' Users view, and the login page's message after too many failures.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/ui-accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class AccountViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void the_side_navigation_has_an_icon_for_each_view_and_only_admins_see_system_users_and_notifications() {
        KaribuSupport.signInAndSetUp(context, "nav-viewer", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        MainLayout layout = _get(MainLayout.class);

        assertThat(layout.nav.getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Batches", "Library", "Search", "Watches");
        assertThat(layout.nav.getItems()).allSatisfy(item -> assertThat(item.getPrefixComponent()).isNotNull());
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "nav-admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        assertThat(_get(MainLayout.class).nav.getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Batches", "New batch", "Library", "Search", "Watches", "System", "Users",
                        "Notifications");
    }

    @Test
    void ops_opens_the_job_dashboard_where_a_proxy_publishes_it_in_a_tab_of_its_own() {
        KaribuSupport.signInAndSetUp(context, "ops-viewer", "VIEWER");

        SideNavItem published = MainLayout.ops("https://jobs.tubebatch.example.com/dashboard", 8000);
        assertThat(published.getPath()).isEqualTo("https://jobs.tubebatch.example.com/dashboard");
        assertThat(published.isOpenInNewBrowserTab()).isTrue();
        assertThat(published.isRouterIgnore()).isTrue();
        assertThat(MainLayout.ops("javascript:alert(1)", 8000).getPath()).isEqualTo("dashboard");
    }

    @Test
    void the_user_menu_names_the_account_and_picks_light_dark_or_the_systems_colours() {
        KaribuSupport.signInAndSetUp(context, "menu-user", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        MainLayout layout = _get(MainLayout.class);

        assertThat(layout.userMenu.getItems().getFirst().getElement().getTextRecursively()).contains("menu-user");
        assertThat(layout.colorScheme.checked()).isEqualTo(ColorScheme.Value.SYSTEM);
        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, layout.colorScheme.dark);
        assertThat(layout.colorScheme.checked()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(layout.colorScheme.light.isChecked()).isFalse();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, layout.colorScheme.system);
        assertThat(layout.colorScheme.checked()).isEqualTo(ColorScheme.Value.SYSTEM);
        assertThat(ColorSchemeMenu.of("dark")).isEqualTo(ColorScheme.Value.DARK);
        assertThat(ColorSchemeMenu.of(null)).isEqualTo(ColorScheme.Value.SYSTEM);
    }

    @Test
    void a_user_changes_their_own_password_from_the_main_layout_giving_the_current_one() {
        accounts.create("sam", "sam's first password", List.of(Roles.VIEWER), "admin");
        KaribuSupport.signInAndSetUp(context, "sam", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        MainLayout layout = _get(MainLayout.class);
        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, layout.changePassword);
        ChangePasswordDialog dialog = _get(ChangePasswordDialog.class);

        dialog.current.setValue("not my password");
        dialog.password.setValue("sam's second password");
        dialog.repeat.setValue("sam's second password");
        dialog.save.click();
        assertThat(dialog.current.isInvalid()).isTrue();
        assertThat(dialog.current.getErrorMessage()).isEqualTo("this is not your current password");

        dialog.current.setValue("sam's first password");
        dialog.password.setValue("short");
        dialog.repeat.setValue("short");
        dialog.save.click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("at least 12 characters");

        dialog.password.setValue("sam's second password");
        dialog.repeat.setValue("sam's second password!");
        dialog.save.click();
        assertThat(dialog.repeat.isInvalid()).isTrue();
        assertThat(hashOf("sam")).matches(hash -> encoder.matches("sam's first password", hash));

        dialog.repeat.setValue("sam's second password");
        dialog.save.click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(hashOf("sam")).matches(hash -> encoder.matches("sam's second password", hash));
    }

    @Test
    void an_admin_adds_a_user_sets_the_role_and_removes_them_and_others_cannot_open_users() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("users"))
                .hasMessageContaining("Access is denied by annotations on the view");
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(SideNavItem.class))
                .extracting(SideNavItem::getLabel).contains("Users");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        view.username.setValue("lee");
        view.password.setValue("short");
        view.add.click();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("at least 12 characters");

        view.password.setValue("lee's first password");
        view.role.setValue(Roles.OPERATOR);
        view.add.click();
        List<Accounts.Account> shown = GridKt._findAll(view.grid);
        Accounts.Account lee = shown.stream().filter(a -> a.username().equals("lee")).findFirst().orElseThrow();
        assertThat(lee.roles()).containsExactly("OPERATOR", "VIEWER");
        assertThat(shown).extracting(Accounts.Account::username).contains("admin", "viewer", "lee");
        assertThat(view.password.getValue()).isEmpty();

        view.grid.select(lee);
        view.selectedRole.setValue(Roles.ADMIN);
        view.setRole.click();
        assertThat(accounts.list()).filteredOn(a -> a.username().equals("lee")).singleElement()
                .extracting(Accounts.Account::roles).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("ADMIN", "OPERATOR", "VIEWER");

        Accounts.Account configured = accounts.list().stream().filter(a -> a.username().equals("viewer"))
                .findFirst().orElseThrow();
        view.grid.select(configured);
        assertThat(view.delete.isEnabled()).as("configured users are read-only").isFalse();

        view.grid.select(accounts.list().stream().filter(a -> a.username().equals("lee")).findFirst().orElseThrow());
        view.delete.click();
        assertThat(accounts.list()).extracting(Accounts.Account::username).doesNotContain("lee");
    }

    @Test
    void the_login_page_says_how_long_sign_ins_are_refused_after_too_many_failures() {
        KaribuSupport.signInAndSetUp(context, "nobody");
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "90"));
        LoginView locked = _get(LoginView.class);
        assertThat(locked.form.isError()).isTrue();
        assertThat(locked.texts.getErrorMessage().getTitle()).isEqualTo("Too many failed sign-ins");
        assertThat(locked.texts.getErrorMessage().getMessage()).contains("Try again in 2 minutes");

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView wrong = _get(LoginView.class);
        assertThat(wrong.form.isError()).isTrue();
        assertThat(wrong.texts.getErrorMessage().getTitle()).doesNotContain("Too many");
        assertThat(LoginView.waitText("45")).isEqualTo("45 seconds");
        assertThat(LoginView.waitText("60")).isEqualTo("1 minute");
    }

    private String hashOf(String username) {
        return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).single();
    }
}
