package io.labgate.notify;

import io.labgate.notify.web.EmailResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
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
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add(
                    switch (state.toUpperCase(Locale.ROOT)) {
                        case "PENDING" -> "deliveredAt is null and dead = false";
                        case "DELIVERED" -> "deliveredAt is not null";
                        case "DEAD" -> "dead = true";
                        default -> throw ApiException.invalid("state", "must be PENDING, DELIVERED or DEAD");
                    });
        }
        if (eventType != null) {
            where.add("eventType = :eventType");
            params.and("eventType", eventType.name());
        }
        if (organizationId != null) {
            where.add("organizationId = :organizationId");
            params.and("organizationId", organizationId);
        }
        if (recipient != null && !recipient.isBlank()) {
            where.add("lower(recipientEmail) = :recipient");
            params.and("recipient", recipient.strip().toLowerCase(Locale.ROOT));
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return PageResponse.of(
                EmailEntry.find(query, page.toSort(SORTABLE, "createdAt"), params),
                page,
                (EmailEntry e) -> EmailResponse.from(
                        e,
                        messages.render(e.eventType, e.payload, e.recipientName).subject()));
    }
}
