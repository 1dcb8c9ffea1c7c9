package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import dev.tubebatch.webhook.WebhookService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The webhooks part of the Notifications view, for admins: the webhooks with their events, the selected one's
 * deliveries, a form to add one (the same command and checks as {@code POST /api/webhooks}) whose signing secret is
 * shown once, in a dialog, and removal after a confirmation. Every action checks the admin role itself.
 */
final class WebhookPanel extends VerticalLayout {

    private final WebhookService webhooks;
    private final WebhookLog log;
    private final CurrentUser user;

    final Grid<WebhookLog.Webhook> grid = new Grid<>();
    final TextField url = new TextField("URL");
    final CheckboxGroup<WebhookEvent> events = EventChoices.boxes("Events");
    final Checkbox allowPrivate = new Checkbox("Allow a private or loopback address");
    final Button add = new Button("Add webhook");
    final Button delete = new Button("Remove webhook…");
    final Dialog confirm = new Dialog();
    final Button confirmDelete = new Button("Remove");
    final DeliveriesGrid deliveries = new DeliveriesGrid();
    final Dialog secretDialog = new Dialog();
    final TextField secret = new TextField("Signing secret");

    WebhookPanel(WebhookService webhooks, WebhookLog log, CurrentUser user) {
        this.webhooks = webhooks;
        this.log = log;
        this.user = user;
        setPadding(false);

        grid.addColumn(WebhookLog.Webhook::url).setHeader("URL").setKey("url").setFlexGrow(3);
        grid.addColumn(hook -> EventChoices.words(hook.events())).setHeader("Events").setFlexGrow(2);
        grid.addColumn(hook -> hook.createdBy() + " on " + DeliveriesGrid.WHEN.format(hook.createdAt()))
                .setHeader("Added");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> showSelected(e.getFirstSelectedItem().orElse(null)));

        url.setPlaceholder("https://hooks.example.org/tubebatch");
        url.setWidth("24em");
        url.setMaxWidth("100%"); // a phone's screen is narrower
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> create());
        HorizontalLayout form = new HorizontalLayout(url, events, allowPrivate, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirm.open());
        confirm.setHeaderTitle("Remove this webhook and its delivery log?");
        confirmDelete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirmDelete.addClickListener(e -> delete());
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), confirmDelete);

        secretDialog.setHeaderTitle("The webhook's signing secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText("Copy it now: it is shown this once. Receivers check X-Tubebatch-Signature with it.");
        secretDialog.add(secret);
        secretDialog.setWidth("36em");
        secretDialog.setCloseOnOutsideClick(false);
        secretDialog.getFooter().add(new Button("Done", e -> secretDialog.close()));
        secretDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                secret.clear();
            }
        });

        add(grid, delete, new H4("Deliveries to the selected webhook"), deliveries, new H4("Add a webhook"),
                new Paragraph("Webhooks can also be added and removed through /api/webhooks."), form);
        refresh();
    }

    /** Adds the webhook of the form and shows its secret once; a refusal is shown on the field it names. */
    void create() {
        user.require(Roles.ADMIN);
        url.setInvalid(false);
        events.setInvalid(false);
        WebhookService.Created created;
        try {
            created = webhooks.create(url.getValue(), List.copyOf(events.getSelectedItems()), allowPrivate.getValue(),
                    user.name());
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("url", url, "events", events), url);
            return;
        }
        url.clear();
        events.clear();
        allowPrivate.clear();
        refresh();
        secret.setValue(created.secret());
        secretDialog.open();
    }

    /** Removes the selected webhook (after the confirmation) with its delivery log. */
    void delete() {
        user.require(Roles.ADMIN);
        confirm.close();
        WebhookLog.Webhook selected = grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Select a webhook first."));
        webhooks.delete(selected.id());
        Notification.show("Removed the webhook to " + selected.url() + ".", 4000, Notification.Position.TOP_CENTER);
        refresh();
    }

    private void refresh() {
        grid.setItems(log.webhooks());
        showSelected(null);
    }

    private void showSelected(WebhookLog.@Nullable Webhook webhook) {
        delete.setEnabled(webhook != null);
        deliveries.setItems(webhook == null ? List.of() : log.deliveries(webhook.id(), 50));
    }
}
