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

/** What the automatic checks found in an export's current round, in the order found. */
@Entity
@Table(name = "export_finding")
@IdClass(ExportFinding.Key.class)
public class ExportFinding extends PanacheEntityBase {

    @Id
    @Column(name = "export_id")
    public UUID exportId;

    @Id
    public int position;

    /** A {@link io.labgate.export.inspect.Finding.Kind}. */
    public String kind;

    public String path;

    public String detail;

    public long occurrences;

    public boolean refuses;

    public static class Key implements Serializable {
        public UUID exportId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(exportId, k.exportId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(exportId, position);
        }
    }
}
