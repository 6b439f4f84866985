package io.tenantry.workspace.products;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A build of a product that runs are made against, e.g. "2.4.0-rc1"; inactive builds are kept for history. */
@Entity
@Table(name = "build")
public class Build {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    Product product;

    String name;

    boolean active = true;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    protected Build() {
    }

    Build(Product product, String name) {
        this.createdAt = StoredTime.now();
        this.product = product;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    void change(String name, boolean active) {
        this.name = name;
        this.active = active;
    }
}
