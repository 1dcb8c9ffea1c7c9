package dev.tubebatch.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import dev.tubebatch.security.Accounts;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.youtube.budget.YouTubeGate;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame of every view: navigation, the signed-in user, their password and sign-out, and a banner while YouTube
 * calls are paused.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final Button changePassword;

    final YouTubeBanner youTubeBanner;

    MainLayout(CurrentUser user, Accounts accounts, YouTubeGate youTube,
            @Value("${jobrunr.dashboard.enabled:false}") boolean dashboardEnabled,
            @Value("${jobrunr.dashboard.port:8000}") int dashboardPort,
            @Value("${tubebatch.dashboard.url:}") String dashboardUrl) {
        H2 title = new H2("tubebatch");
        title.addClassName("app-title");
        Span who = new Span(user.name());
        who.addClassName("signed-in-user");
        changePassword = new Button("Change password", e -> new ChangePasswordDialog(accounts, user).open());
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button signOut = new Button("Sign out", e -> user.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, changePassword, signOut);
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

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Batches", BatchesView.class));
        nav.addItem(new SideNavItem("Library", LibraryView.class));
        nav.addItem(new SideNavItem("Search", SearchView.class));
        nav.addItem(new SideNavItem("Watches", WatchesView.class));
        if (user.has(Roles.OPERATOR)) {
            nav.addItem(new SideNavItem("New batch", NewBatchView.class));
        }
        if (user.has(Roles.ADMIN)) {
            nav.addItem(new SideNavItem("System", SystemView.class));
            nav.addItem(new SideNavItem("Users", UsersView.class));
        }
        addToDrawer(nav);
        if (!dashboardEnabled) {
            return;
        }
        // The JobRunr dashboard is its own server (its own login): where a reverse proxy publishes it, or else on its
        // port of the same host.
        Anchor ops = new Anchor(dashboardUrl, "Ops: job dashboard");
        ops.setTarget(AnchorTarget.BLANK);
        if (dashboardUrl.isBlank()) {
            ops.getElement().executeJs(
                    "this.href = location.protocol + '//' + location.hostname + ':' + $0 + '/dashboard'", dashboardPort);
        }
        ops.addClassName("ops-link");
        addToDrawer(ops);
    }

    /** Each page shows YouTube's state as it is now, not as the last timed refresh saw it. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        youTubeBanner.refresh();
    }
}
