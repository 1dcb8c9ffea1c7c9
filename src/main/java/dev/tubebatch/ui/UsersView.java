package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.security.Accounts;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The users, for admins: add one with a role and a first password, and for the selected one set the role or a new
 * password, or remove them. A role includes the lower ones. Configured users are listed but read-only.
 */
@Route("users")
@PageTitle("Users · tubebatch")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Accounts accounts;
    private final CurrentUser user;

    final Grid<Accounts.Account> grid = new Grid<>();
    final TextField username = new TextField("User name");
    final PasswordField password = new PasswordField("First password");
    final Select<String> role = new Select<>();
    final Button add = new Button("Add user");
    final Select<String> selectedRole = new Select<>();
    final Button setRole = new Button("Set role");
    final PasswordField newPassword = new PasswordField("New password");
    final Button setPassword = new Button("Set password");
    final Button delete = new Button("Remove user");

    UsersView(Accounts accounts, CurrentUser user) {
        this.accounts = accounts;
        this.user = user;
        grid.addColumn(Accounts.Account::username).setHeader("User").setKey("username");
        grid.addColumn(account -> String.join(", ", account.roles())).setHeader("Roles").setKey("roles");
        grid.addColumn(account -> account.configured() ? "configured (read-only)"
                : "added by " + account.createdBy() + (account.createdAt() == null ? ""
                        : " on " + WHEN.format(account.createdAt()))).setHeader("Origin").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> showSelected(e.getFirstSelectedItem().orElse(null)));

        role.setLabel("Role");
        role.setItems(Roles.ALL);
        role.setValue(Roles.VIEWER);
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters; they change it later");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        HorizontalLayout addForm = new HorizontalLayout(username, password, role, add);
        addForm.setAlignItems(FlexComponent.Alignment.BASELINE);

        selectedRole.setLabel("Role");
        selectedRole.setItems(Roles.ALL);
        setRole.addClickListener(e -> setRole());
        setPassword.addClickListener(e -> setPassword());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        HorizontalLayout selectedForm = new HorizontalLayout(selectedRole, setRole, newPassword, setPassword, delete);
        selectedForm.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(new H3("Users"), grid, new H4("Selected user"), selectedForm, new H4("Add a user"), addForm);
        refresh();
        showSelected(null);
    }

    private void add() {
        user.require(Roles.ADMIN);
        username.setInvalid(false);
        password.setInvalid(false);
        try {
            accounts.create(username.getValue(), password.getValue(), List.of(role.getValue()), user.name());
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("username", username, "password", password), username);
            return;
        }
        Notification.show("Added " + username.getValue() + ".", 4000, Notification.Position.TOP_CENTER);
        username.clear();
        password.clear();
        refresh();
    }

    private void setRole() {
        user.require(Roles.ADMIN);
        Accounts.Account selected = selected();
        accounts.update(selected.username(), List.of(selectedRole.getValue()), null, user.name());
        Notification.show(selected.username() + " is now " + selectedRole.getValue() + ".", 4000,
                Notification.Position.TOP_CENTER);
        refresh();
    }

    private void setPassword() {
        user.require(Roles.ADMIN);
        Accounts.Account selected = selected();
        newPassword.setInvalid(false);
        try {
            accounts.update(selected.username(), null, newPassword.getValue(), user.name());
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("password", newPassword), newPassword);
            return;
        }
        newPassword.clear();
        Notification.show("Set a new password for " + selected.username() + ".", 4000,
                Notification.Position.TOP_CENTER);
    }

    private void delete() {
        user.require(Roles.ADMIN);
        Accounts.Account selected = selected();
        accounts.delete(selected.username(), user.name());
        Notification.show("Removed " + selected.username() + ".", 4000, Notification.Position.TOP_CENTER);
        refresh();
    }

    private Accounts.Account selected() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Select a user first."));
    }

    private void refresh() {
        grid.setItems(accounts.list());
        showSelected(null);
    }

    private void showSelected(Accounts.@Nullable Account account) {
        boolean changeable = account != null && !account.configured();
        for (var control : List.of(selectedRole, setRole, newPassword, setPassword, delete)) {
            control.setEnabled(changeable);
        }
        if (account != null) {
            selectedRole.setValue(account.roles().getFirst());
        }
    }
}
