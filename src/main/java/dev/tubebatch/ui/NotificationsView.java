package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.webhook.MailNotifier;
import dev.tubebatch.webhook.MailService;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import dev.tubebatch.webhook.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Notifications, for admins: the webhooks ({@link WebhookPanel}) and the email recipients, each with the events it
 * wants, and the selected one's deliveries with every try. Says so while email is off.
 */
@Route("notifications")
@PageTitle("Notifications · tubebatch")
@RolesAllowed(Roles.ADMIN)
public class NotificationsView extends VerticalLayout {

    private final MailService recipients;
    private final WebhookLog log;
    private final CurrentUser user;

    final Paragraph mailStatus = new Paragraph();
    final WebhookPanel webhooks;
    final Grid<WebhookLog.Recipient> grid = new Grid<>();
    final EmailField address = new EmailField("Email address");
    final CheckboxGroup<WebhookEvent> events = EventChoices.boxes("Events");
    final Button add = new Button("Add recipient");
    final CheckboxGroup<WebhookEvent> selectedEvents = EventChoices.boxes("Events of the selected recipient");
    final Button saveEvents = new Button("Save events");
    final Button delete = new Button("Remove recipient");
    final DeliveriesGrid deliveries = new DeliveriesGrid();

    NotificationsView(MailService recipients, MailNotifier mail, WebhookService hooks, WebhookLog log,
            CurrentUser user) {
        this.webhooks = new WebhookPanel(hooks, log, user);
        this.recipients = recipients;
        this.log = log;
        this.user = user;
        mailStatus.setText(mail.on() ? "Email is on; messages come from " + mail.from() + "." : MailNotifier.OFF);

        grid.addColumn(WebhookLog.Recipient::address).setHeader("Address").setKey("address").setFlexGrow(2);
        grid.addColumn(r -> EventChoices.words(r.events())).setHeader("Events").setKey("events").setFlexGrow(3);
        grid.addColumn(r -> r.createdBy() + " on " + DeliveriesGrid.WHEN.format(r.createdAt()))
                .setHeader("Added");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> showSelected(e.getFirstSelectedItem().orElse(null)));

        address.setPlaceholder("name@example.org");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        HorizontalLayout addForm = new HorizontalLayout(address, events, add);
        addForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        addForm.setWrap(true);

        saveEvents.addClickListener(e -> saveEvents());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        HorizontalLayout selectedForm = new HorizontalLayout(selectedEvents, saveEvents, delete);
        selectedForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        selectedForm.setWrap(true);

        add(new H3("Notifications"), new H4("Webhooks"), webhooks, new H4("Email"), mailStatus, grid,
                new H4("Selected recipient"), selectedForm, new H4("Deliveries to the selected recipient"), deliveries, new H4("Add a recipient"), addForm);
        refresh();
    }

    private void add() {
        user.require(Roles.ADMIN);
        address.setInvalid(false);
        events.setInvalid(false);
        try {
            recipients.create(address.getValue(), List.copyOf(events.getSelectedItems()), user.name());
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("address", address, "events", events), address);
            return;
        }
        Notification.show("Added " + address.getValue().strip() + ".", 4000, Notification.Position.TOP_CENTER);
        address.clear();
        events.clear();
        refresh();
    }

    private void saveEvents() {
        user.require(Roles.ADMIN);
        WebhookLog.Recipient selected = selected();
        selectedEvents.setInvalid(false);
        try {
            recipients.setEvents(selected.id(), List.copyOf(selectedEvents.getSelectedItems()));
        } catch (IllegalArgumentException e) {
            FieldErrors.show(e, Map.of("events", selectedEvents), selectedEvents);
            return;
        }
        Notification.show("Saved the events of " + selected.address() + ".", 4000, Notification.Position.TOP_CENTER);
        refresh();
    }

    private void delete() {
        user.require(Roles.ADMIN);
        WebhookLog.Recipient selected = selected();
        recipients.delete(selected.id());
        Notification.show("Removed " + selected.address() + ".", 4000, Notification.Position.TOP_CENTER);
        refresh();
    }

    private WebhookLog.Recipient selected() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Select a recipient first."));
    }

    private void refresh() {
        grid.setItems(log.recipients());
        showSelected(null);
    }

    private void showSelected(WebhookLog.@Nullable Recipient recipient) {
        selectedEvents.setInvalid(false);
        selectedEvents.setValue(recipient == null ? Set.of() : Set.copyOf(recipient.events()));
        for (var control : List.of(selectedEvents, saveEvents, delete)) {
            control.setEnabled(recipient != null);
        }
        deliveries.setItems(recipient == null ? List.of() : log.mailDeliveries(recipient.id(), 50));
    }
}
