package io.labgate.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An AI technology the processed data is made for (the programme runs five). */
@Entity
@Table(name = "ai_technology")
public class AiTechnology extends ReferenceEntry {}
