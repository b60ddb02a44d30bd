package io.labgate.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is emailed about which event: the rules ({@link #RULES}) and how a party becomes addresses. Organizations
 * are reached at their {@code contact_email} as it is when the event happens; operators at the configured
 * {@code labgate.notify.mail.operators} (possibly none).
 *
 * <table>
 * <tr><th>event</th><th>recipients</th></tr>
 * <tr><td>REQUEST_SUBMITTED</td><td>the AI company (a receipt) and the operators</td></tr>
 * <tr><td>CONSENT_NEEDED</td><td>each provider whose consent is pending</td></tr>
 * <tr><td>REQUEST_DECIDED</td><td>the AI company</td></tr>
 * <tr><td>GRANT_EXPIRING</td><td>the AI company</td></tr>
 * <tr><td>GRANT_REVOKED</td><td>the AI company and every provider of the grant's dataset</td></tr>
 * <tr><td>ATTESTATION_DUE_SOON</td><td>the AI company</td></tr>
 * <tr><td>ATTESTATION_OVERDUE</td><td>the AI company and the operators</td></tr>
 * </table>
 *
 * <p>An address is written once per event even when several parties share it (compared case-insensitively).
 */
@ApplicationScoped
public class EmailRecipients {

    /** A party concerned by an event; also the {@code recipient_kind} of its rows (PROVIDERS → PROVIDER). */
    public enum Party {
        /** The AI company that made the request or holds the grant. */
        AI_COMPANY,
        /** Provider organizations: those asked for consent, or the providers of a revoked grant's dataset. */
        PROVIDERS,
        /** The lab operators' configured addresses. */
        OPERATORS,
        /** The configured addresses of the monthly operation report (labgate.notify.monthly-report.recipients). */
        REPORT_RECIPIENTS
    }

    /** The rules: for each event, the parties told of it. */
    public static final Map<NotificationEventType, Set<Party>> RULES;

    static {
        Map<NotificationEventType, Set<Party>> rules = new EnumMap<>(NotificationEventType.class);
        rules.put(NotificationEventType.REQUEST_SUBMITTED, EnumSet.of(Party.AI_COMPANY, Party.OPERATORS));
        rules.put(NotificationEventType.CONSENT_NEEDED, EnumSet.of(Party.PROVIDERS));
        rules.put(NotificationEventType.REQUEST_DECIDED, EnumSet.of(Party.AI_COMPANY));
        rules.put(NotificationEventType.GRANT_EXPIRING, EnumSet.of(Party.AI_COMPANY));
        rules.put(NotificationEventType.GRANT_REVOKED, EnumSet.of(Party.AI_COMPANY, Party.PROVIDERS));
        rules.put(NotificationEventType.ATTESTATION_DUE_SOON, EnumSet.of(Party.AI_COMPANY));
        rules.put(NotificationEventType.ATTESTATION_OVERDUE, EnumSet.of(Party.AI_COMPANY, Party.OPERATORS));
        RULES = java.util.Collections.unmodifiableMap(rules);
    }

    /** One address to write a row for. {@code organizationId} is null for an operator address. */
    public record Recipient(Party party, UUID organizationId, String email, String name) {

        /** The {@code recipient_kind} column. */
        String kind() {
            return switch (party) {
                case AI_COMPANY -> "AI_COMPANY";
                case PROVIDERS -> "PROVIDER";
                case OPERATORS -> "OPERATORS";
                case REPORT_RECIPIENTS -> "REPORT_RECIPIENT";
            };
        }
    }

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    /**
     * The addresses for an event.
     *
     * @param aiCompany the requesting or granted AI company
     * @param providers the providers asked for consent (CONSENT_NEEDED); null to take the providers of
     *     {@code grantId}'s dataset
     */
    public List<Recipient> of(NotificationEventType type, UUID aiCompany, Collection<UUID> providers, UUID grantId) {
        List<Recipient> recipients = new ArrayList<>();
        Set<Party> parties = RULES.get(type);
        if (parties.contains(Party.AI_COMPANY) && aiCompany != null) {
            recipients.addAll(contacts(Party.AI_COMPANY, List.of(aiCompany)));
        }
        if (parties.contains(Party.PROVIDERS)) {
            Collection<UUID> orgs = providers != null ? providers : grantId == null ? List.of() : providersOf(grantId);
            recipients.addAll(contacts(Party.PROVIDERS, orgs));
        }
        if (parties.contains(Party.OPERATORS)) {
            for (String address : config.mail().operators().orElse(List.of())) {
                if (!address.isBlank()) {
                    recipients.add(new Recipient(Party.OPERATORS, null, address.strip(), null));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        return recipients.stream()
                .filter(r -> seen.add(r.email().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private List<Recipient> contacts(Party party, Collection<UUID> organizations) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, contact_email, contact_name FROM organization WHERE id IN (?1) ORDER BY id""")
                .setParameter(1, List.copyOf(new java.util.LinkedHashSet<>(organizations)))
                .getResultList();
        return rows.stream()
                .map(r -> new Recipient(party, (UUID) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    private List<UUID> providersOf(UUID grantId) {
        @SuppressWarnings("unchecked")
        List<UUID> rows =
                em.createNativeQuery("""
                SELECT p.organization_id FROM access_grant g JOIN dataset_provider p ON p.dataset_id = g.dataset_id
                WHERE g.id = ?1 ORDER BY p.organization_id""", UUID.class).setParameter(1, grantId).getResultList();
        return rows;
    }
}
