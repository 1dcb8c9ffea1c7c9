/**
 * Notifications: admins name webhook targets and email recipients, each with its events;
 * {@link dev.tubebatch.webhook.WebhookEvents} turns batch endings and watch runs into deliveries of one
 * {@link dev.tubebatch.webhook.EventPayload}, {@link dev.tubebatch.webhook.WebhookSender} posts them signed and
 * {@link dev.tubebatch.webhook.MailNotifier} mails them (only when {@code spring.mail.host} is set), both with the
 * retries of {@code DeliveryTries} and one delivery log.
 */
@NullMarked
package dev.tubebatch.webhook;

import org.jspecify.annotations.NullMarked;
