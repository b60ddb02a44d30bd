package io.labgate.notify;

import io.labgate.notify.web.EmailResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The email outbox as operators and auditors see it (read only). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EmailNotificationService {

    private static final Map<String, String> SORTABLE =
            Map.of("createdAt", "createdAt", "nextAttemptAt", "nextAttemptAt", "attempts", "attempts");

    @Inject
    EmailMessages messages;

    public PageResponse<EmailResponse> list(
            String state, NotificationEventType eventType, UUID organizationId, String recipient, PageQuery page) {
        Filter filter = new Filter();
        if (state != null) {
            filter.clause(
                    switch (state.toUpperCase(Locale.ROOT)) {
                        case "PENDING" -> "deliveredAt is null and dead = false";
                        case "DELIVERED" -> "deliveredAt is not null";
                        case "DEAD" -> "dead = true";
                        default -> throw ApiException.invalid("state", "must be PENDING, DELIVERED or DEAD");
                    });
        }
        filter.where("eventType = :eventType", "eventType", eventType == null ? null : eventType.name())
                .where("organizationId = :organizationId", "organizationId", organizationId)
                .where(
                        "lower(recipientEmail) = :recipient",
                        "recipient",
                        recipient == null || recipient.isBlank()
                                ? null
                                : recipient.strip().toLowerCase(Locale.ROOT));
        return PageResponse.of(
                EmailEntry.find(filter.query(), page.toSort(SORTABLE, "createdAt"), filter.parameters()),
                page,
                (EmailEntry e) -> EmailResponse.from(
                        e,
                        messages.render(e.eventType, e.payload, e.recipientName).subject()));
    }
}
