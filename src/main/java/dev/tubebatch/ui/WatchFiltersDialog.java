package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.watch.Watch;
import dev.tubebatch.watch.WatchService;
import org.jspecify.annotations.Nullable;

/**
 * Edits a watch's filters: the new-batch form's filter fields, filled with the stored ones. Save replaces them with
 * the same command as {@code PUT /api/watches/{id}/filters}; the watch's next run applies them. A refusal is shown
 * on the field it is about and, naming that field, above the buttons.
 */
class WatchFiltersDialog extends Dialog {

    final PreviewFilterFields filters = new PreviewFilterFields("Filters");
    final Span message = new Span();
    final Button save = new Button("Save filters");

    private final Watch watch;
    private final WatchService watches;
    private final CurrentUser user;
    private final Runnable saved;

    WatchFiltersDialog(Watch watch, WatchService watches, CurrentUser user, Runnable saved) {
        this.watch = watch;
        this.watches = watches;
        this.user = user;
        this.saved = saved;
        setHeaderTitle("Filters of " + watch.name());
        filters.show(watch.filters());
        message.getElement().setAttribute("role", "alert");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(filters, message);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    void save() {
        user.require(Roles.OPERATOR);
        PreviewRequest.Filters entered;
        try {
            entered = filters.filters();
        } catch (IllegalArgumentException e) {
            @Nullable String onField = filters.showOnField(e);
            message.setText(onField == null ? ErrorMessages.forUser(e) : onField);
            return;
        }
        if (!watches.updateFilters(watch.id(), entered)) {
            message.setText("This watch no longer exists.");
            return;
        }
        close();
        saved.run();
    }
}
