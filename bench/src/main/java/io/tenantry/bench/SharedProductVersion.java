package io.tenantry.bench;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The baseline's copy of ProductVersion, in the shared schema. */
@Entity
@Table(schema = "public", name = "bench_product_version")
public class SharedProductVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    SharedProduct product;

    String value;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt = OffsetDateTime.now();
}
