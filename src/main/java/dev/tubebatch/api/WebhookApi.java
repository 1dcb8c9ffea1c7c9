package dev.tubebatch.api;

import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import dev.tubebatch.webhook.WebhookService;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks and their delivery log, for admins only (the API's filter chain). */
@RestController
@RequestMapping(path = "/api/webhooks", produces = "application/json")
class WebhookApi {

    private final WebhookService webhooks;
    private final WebhookLog log;

    WebhookApi(WebhookService webhooks, WebhookLog log) {
        this.webhooks = webhooks;
        this.log = log;
    }

    /** {@code events}: batch.completed, batch.completed_with_failures, batch.stopped, batch.cancelled,
     * watch.found_videos. */
    record Create(String url, List<String> events, @Nullable Boolean allowPrivate) {}

    @GetMapping
    List<WebhookLog.Webhook> list() {
        return log.webhooks();
    }

    /** The answer holds the signing secret, this once. */
    @PostMapping(consumes = "application/json")
    ResponseEntity<WebhookService.Created> create(@RequestBody Create request, Principal principal) {
        List<WebhookEvent> events = (request.events() == null ? List.<String>of() : request.events()).stream()
                .map(WebhookEvent::parse).toList();
        WebhookService.Created created = webhooks.create(request.url(), events,
                Boolean.TRUE.equals(request.allowPrivate()), principal.getName());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        return webhooks.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** The last 100 deliveries, newest first, each with every try. */
    @GetMapping("/{id}/deliveries")
    List<WebhookLog.Delivery> deliveries(@PathVariable UUID id) {
        return log.deliveries(id, 100);
    }
}
