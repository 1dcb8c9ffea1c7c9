package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.tubebatch.security.AccountConflictException;
import dev.tubebatch.security.Accounts;
import dev.tubebatch.security.CurrentUser;
import java.util.Map;

/** The signed-in user changes their own password: the current one, then the new one twice. */
class ChangePasswordDialog extends Dialog {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField password = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Change password");

    ChangePasswordDialog(Accounts accounts, CurrentUser user) {
        setHeaderTitle("Change your password");
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        password.setMinLength(Accounts.MIN_PASSWORD_LENGTH);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change(accounts, user));
        add(new VerticalLayout(current, password, repeat));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void change(Accounts accounts, CurrentUser user) {
        for (PasswordField field : new PasswordField[] {current, password, repeat}) {
            field.setInvalid(false);
        }
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            accounts.changeOwnPassword(user.name(), current.getValue(), password.getValue());
            user.passwordChanged();
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("current", current, "password", password), password);
            return;
        } catch (AccountConflictException e) {
            current.setErrorMessage(e.getMessage());
            current.setInvalid(true);
            return;
        }
        Notification.show("Your password was changed.", 4000, Notification.Position.TOP_CENTER);
        close();
    }
}
