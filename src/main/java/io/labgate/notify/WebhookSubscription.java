package io.labgate.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where to POST which events; the signing secret only sealed (see V13). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    /** Names of {@link NotificationEventType}s, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public List<String> eventTypes;

    public String description;

    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    @Column(name = "key_version")
    public int keyVersion;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "deactivated_by")
    public String deactivatedBy;

    @Version
    public long version;

    /** The additional authenticated data the secret is sealed with. */
    public static String aad(UUID id) {
        return "webhook:" + id;
    }
}
