package dev.tubebatch.api;

import dev.tubebatch.webhook.MailNotifier;
import dev.tubebatch.webhook.MailService;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Email notifications: whether email is on, the recipients and their delivery log, for admins only. */
@RestController
@RequestMapping(path = "/api/mail", produces = "application/json")
class MailApi {

    private final MailService recipients;
    private final MailNotifier mail;
    private final WebhookLog log;

    MailApi(MailService recipients, MailNotifier mail, WebhookLog log) {
        this.recipients = recipients;
        this.mail = mail;
        this.log = log;
    }

    /** {@code note} says how to turn email on while it is off; the SMTP settings themselves are never shown. */
    record Status(boolean enabled, String from, @Nullable String note) {}

    /** {@code events}: batch.completed, batch.completed_with_failures, batch.stopped, batch.cancelled,
     * watch.found_videos. */
    record Create(String address, List<String> events) {}

    record Events(List<String> events) {}

    @GetMapping
    Status status() {
        boolean on = mail.on();
        return new Status(on, mail.from(), on ? null : MailNotifier.OFF);
    }

    @GetMapping("/recipients")
    List<WebhookLog.Recipient> list() {
        return log.recipients();
    }

    @PostMapping(path = "/recipients", consumes = "application/json")
    ResponseEntity<WebhookLog.Recipient> create(@RequestBody Create request, Principal principal) {
        WebhookLog.Recipient created = recipients.create(request.address(), events(request.events()),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/mail/recipients/" + created.id())).body(created);
    }

    /** Replaces the events the recipient wants. */
    @PutMapping(path = "/recipients/{id}", consumes = "application/json")
    ResponseEntity<Void> setEvents(@PathVariable UUID id, @RequestBody Events request) {
        return recipients.setEvents(id, events(request.events())) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @DeleteMapping("/recipients/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        return recipients.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** The last 100 deliveries, newest first, each with every try (its SMTP reply code, error and time). */
    @GetMapping("/recipients/{id}/deliveries")
    List<WebhookLog.Delivery> deliveries(@PathVariable UUID id) {
        return log.mailDeliveries(id, 100);
    }

    private static List<WebhookEvent> events(@Nullable List<String> names) {
        return (names == null ? List.<String>of() : names).stream().map(WebhookEvent::parse).toList();
    }
}
