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

/** A released or planned version of a product, e.g. "2.4". */
@Entity
@Table(name = "product_version")
public class ProductVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    Product product;

    String value;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    protected ProductVersion() {
    }

    ProductVersion(Product product, String value) {
        this.createdAt = StoredTime.now();
        this.product = product;
        this.value = value;
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String value() {
        return value;
    }

    void rename(String value) {
        this.value = value;
    }
}
