package io.labgate.gateway.key;

import io.labgate.platform.cache.WatchedCache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An access key of the S3-compatible endpoint, bound to one grant; the secret only as AES-GCM ciphertext. Updates
 * write only the changed columns, so a revocation never writes back a secret that a rewrap re-encrypted meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "access_key")
public class AccessKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "access_key_id")
    public String accessKeyId;

    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    @Column(name = "key_version")
    public int keyVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @PostUpdate
    @PostRemove
    void forgetCached() {
        // the S3 endpoint keeps keys in memory (AccessKeyService); other replicas hear of it from the trigger
        WatchedCache.changedInThisTransaction("access_key", accessKeyId);
    }
}
