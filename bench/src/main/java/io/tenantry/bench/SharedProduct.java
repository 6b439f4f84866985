package io.tenantry.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * The benchmark's baseline: the workspace's Product mapped to identical tables in the shared
 * schema, which no routing reaches (the table names its schema). Only in the -Pbench build.
 */
@Entity
@Table(schema = "public", name = "bench_product")
public class SharedProduct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String description = "";

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt = OffsetDateTime.now();

    @OneToMany(mappedBy = "product")
    @OrderBy("id")
    List<SharedProductVersion> versions = new ArrayList<>();
}
