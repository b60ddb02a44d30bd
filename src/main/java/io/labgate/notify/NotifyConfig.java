package io.labgate.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Notification settings: webhook and email delivery from the outboxes and the grant-expiry warnings. Both channels
 * share the delivery period, batch size, backoff, attempts and lease; the SMTP server itself is
 * {@code quarkus.mailer.*}.
 */
@ConfigMapping(prefix = "labgate.notify")
public interface NotifyConfig {

    /**
     * How often the delivery job sends due outbox rows, as a Quarkus scheduler period ({@code 5s}); {@code off}
     * disables it. The scheduler reads this key itself; it is listed here so that the namespace is documented in
     * one place. Safe with several replicas: rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
     */
    @WithDefault("5s")
    String deliverEvery();

    /** How often grants about to end are looked for (GRANT_EXPIRING), as a scheduler period; {@code off} disables. */
    @WithDefault("1h")
    String expiringEvery();

    /** How often each replica checks whether last month's report is to be mailed (a scheduler period, or off). */
    @WithDefault("1h")
    String monthlyReportEvery();

    /** A grant ending within this time from now is announced as GRANT_EXPIRING, once per end of grant. */
    @WithDefault("P3D")
    Duration expiringWithin();

    /** The most outbox rows one delivery run claims at once. */
    @WithDefault("50")
    int batchSize();

    /** Connect and response timeout of one webhook POST. */
    @WithDefault("5s")
    Duration timeout();

    /** Wait before the first retry; each further retry waits twice as long, up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** After this many failed attempts a row is dead: never tried again, still listed under deliveries. */
    @WithDefault("10")
    int maxAttempts();

    /**
     * How long a claimed row is hidden from other runs while it is being sent. A replica that dies mid-delivery
     * leaves its rows claimed; they become due again after this, so keep it well above {@link #timeout()}.
     */
    @WithDefault("2m")
    Duration claimLease();

    /** Email notifications (see {@link EmailRecipients} for who gets which event). */
    Mail mail();

    /** The monthly operation report by mail. */
    MonthlyReport monthlyReport();

    interface MonthlyReport {

        /**
         * Addresses that get the previous month's report (PDF) each month, comma-separated (the funding agency, the
         * lab's management); none: no monthly mail. Sent through the email outbox, so only while
         * {@code labgate.notify.mail.enabled}.
         */
        Optional<List<String>> recipients();

        /** The report's language: {@code ko} (default) or {@code en}. */
        @WithDefault("ko")
        @jakarta.validation.constraints.Pattern(regexp = "ko|en")
        String lang();

        /** The day of the month (KST) from which the previous month's report is sent: 1 to 28. */
        @WithDefault("1")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(28)
        int fromDay();
    }

    interface Mail {

        /**
         * Queue and send emails. Off by default: without an SMTP server ({@code quarkus.mailer.host}) mails could
         * only pile up and die. While off, no email rows are written and queued ones wait.
         */
        @WithDefault("false")
        boolean enabled();

        /** The lab operators' addresses, told of every submitted request; none by default. */
        Optional<List<String>> operators();

        /**
         * Where recipients reach the LabGate API, for the links in mails ({@code https://labgate.example.org});
         * a mail links to {@code <this>/api/v1/access-requests/<id>} or {@code .../grants/<id>}.
         */
        @WithDefault("http://localhost:8080")
        String linkBaseUrl();
    }
}
