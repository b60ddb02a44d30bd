package io.labgate.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One line of a version's manifest. Written only by the manifest builder, in bulk; read through JPA. */
@Entity
@Table(name = "dataset_object")
@IdClass(DatasetObject.Key.class)
public class DatasetObject extends PanacheEntityBase {

    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Id
    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** The store's Content-Type when the manifest was built; null before V27 or when the store had none. */
    @Column(name = "content_type")
    public String contentType;

    /** The object's last modification in the store when the manifest was built; null before V27. */
    @Column(name = "last_modified")
    public java.time.Instant lastModified;

    /** The composite primary key. */
    public static class Key implements Serializable {

        public UUID versionId;
        public String objectKey;

        public Key() {}

        public Key(UUID versionId, String objectKey) {
            this.versionId = versionId;
            this.objectKey = objectKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(versionId, k.versionId)
                    && Objects.equals(objectKey, k.objectKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, objectKey);
        }
    }
}
