package dev.tubebatch.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import dev.tubebatch.security.Accounts;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.youtube.budget.YouTubeGate;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame of every view: the side navigation, the signed-in user's menu (password, light or dark, sign-out), and
 * a banner while YouTube calls are paused.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** What tubebatch.dashboard.url may be; anything else (blank included) means port 8000 of the app's host. */
    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("(?i)https?://\\S+");

    final SideNav nav = new SideNav();
    final MenuBar userMenu = new MenuBar();
    final MenuItem changePassword;
    final MenuItem signOut;
    final ColorSchemeMenu colorScheme;
    final YouTubeBanner youTubeBanner;

    MainLayout(CurrentUser user, Accounts accounts, YouTubeGate youTube,
            @Value("${jobrunr.dashboard.enabled:false}") boolean dashboardEnabled,
            @Value("${jobrunr.dashboard.port:8000}") int dashboardPort,
            @Value("${tubebatch.dashboard.url:}") String dashboardUrl) {
        Span title = new Span("tubebatch");
        title.addClassName("app-title");

        Avatar avatar = new Avatar(user.name());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span name = new Span(user.name());
        name.addClassName("signed-in-user");
        HorizontalLayout who = new HorizontalLayout(avatar, name);
        who.setSpacing(false);
        who.addClassName("user-menu-button");
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.getElement().setAttribute("aria-label", "Account of " + user.name());
        SubMenu account = userMenu.addItem(who).getSubMenu();
        changePassword = account.addItem("Change password", e -> new ChangePasswordDialog(accounts, user).open());
        colorScheme = new ColorSchemeMenu(account.addItem("Appearance").getSubMenu());
        signOut = account.addItem("Sign out", e -> user.logout());

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, userMenu);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.addClassName("top-bar");
        youTubeBanner = new YouTubeBanner(youTube);
        VerticalLayout top = new VerticalLayout(bar, youTubeBanner);
        top.setPadding(false);
        top.setSpacing(false);
        top.setWidthFull();
        addToNavbar(top);

        nav.addItem(new SideNavItem("Batches", BatchesView.class, VaadinIcon.TASKS.create()));
        if (user.has(Roles.OPERATOR)) {
            nav.addItem(new SideNavItem("New batch", NewBatchView.class, VaadinIcon.PLUS_CIRCLE_O.create()));
        }
        nav.addItem(new SideNavItem("Library", LibraryView.class, VaadinIcon.BOOK.create()));
        nav.addItem(new SideNavItem("Search", SearchView.class, VaadinIcon.SEARCH.create()));
        nav.addItem(new SideNavItem("Watches", WatchesView.class, VaadinIcon.EYE.create()));
        if (user.has(Roles.ADMIN)) {
            nav.addItem(new SideNavItem("System", SystemView.class, VaadinIcon.DASHBOARD.create()));
            nav.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Notifications", NotificationsView.class, VaadinIcon.BELL.create()));
        }
        if (dashboardEnabled) {
            nav.addItem(ops(dashboardUrl, dashboardPort));
        }
        nav.addClassName("main-nav");
        addToDrawer(nav);
    }

    /**
     * The JobRunr dashboard: its own server with its own login (the app's session does not reach it), where a reverse
     * proxy publishes it (an http or https address), or else on its port of the host the browser sees. Opens in a
     * tab of its own.
     */
    static SideNavItem ops(String dashboardUrl, int dashboardPort) {
        boolean published = WEB_ADDRESS.matcher(dashboardUrl).matches();
        SideNavItem ops = new SideNavItem("Ops", published ? dashboardUrl : "dashboard", VaadinIcon.COGS.create());
        ops.setRouterIgnore(true);
        ops.setOpenInNewBrowserTab(true);
        ops.setSuffixComponent(VaadinIcon.EXTERNAL_LINK.create());
        ops.getElement().setAttribute("title", "JobRunr's job dashboard (asks for its own login)");
        if (!published) {
            ops.getElement().executeJs(
                    "this.path = location.protocol + '//' + location.hostname + ':' + $0 + '/dashboard'",
                    dashboardPort);
        }
        return ops;
    }

    /** Each page shows YouTube's state as it is now, not as the last timed refresh saw it. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        youTubeBanner.refresh();
    }
}
