package io.labgate.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** An entry of a reference list (industries, AI technologies): a stable code and its names. */
@MappedSuperclass
public abstract class ReferenceEntry extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_ko")
    public String nameKo;

    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
