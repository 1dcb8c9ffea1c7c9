/**
 * Webhooks: admins name targets and events; {@link dev.tubebatch.webhook.WebhookEvents} turns batch endings and
 * watch runs into deliveries, {@link dev.tubebatch.webhook.WebhookSender} posts them signed, with retries and a log.
 */
@NullMarked
package dev.tubebatch.webhook;

import org.jspecify.annotations.NullMarked;
