package io.labgate.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A regional industry whose companies provide data (the programme runs two). */
@Entity
@Table(name = "industry")
public class Industry extends ReferenceEntry {}
