package io.labgate.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One artifact of an export's current round: its name under the sandbox prefix, as copied into the archive. */
@Entity
@Table(name = "export_artifact")
@IdClass(ExportArtifact.Key.class)
public class ExportArtifact extends PanacheEntityBase {

    @Id
    @Column(name = "export_id")
    public UUID exportId;

    @Id
    public String name;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "archive_key")
    public String archiveKey;

    public static class Key implements Serializable {
        public UUID exportId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(exportId, k.exportId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(exportId, name);
        }
    }
}
