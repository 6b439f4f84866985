package io.tenantry.workspace.products;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Something a team tests, with the versions it ships. Tenant data: the table has no schema. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String description = "";

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @OneToMany(mappedBy = "product")
    @OrderBy("id")
    List<ProductVersion> versions = new ArrayList<>();

    protected Product() {
    }

    Product(String name, String description) {
        this.createdAt = StoredTime.now();
        this.name = name;
        this.description = description;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<ProductVersion> versions() {
        return versions;
    }

    void rename(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
