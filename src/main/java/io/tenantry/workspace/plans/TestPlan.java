package io.tenantry.workspace.plans;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import io.tenantry.platform.StoredTime;
import io.tenantry.workspace.cases.TestCase;
import io.tenantry.workspace.products.Product;
import io.tenantry.workspace.products.ProductVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** What is to be tested for a product (and version): a document and the cases that carry it out. */
@Entity
@Table(name = "test_plan")
public class TestPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    Product product;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id")
    ProductVersion version;

    String name;

    boolean active = true;

    @Column(name = "author_id", updatable = false)
    Long authorId;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @OneToOne(mappedBy = "plan", fetch = FetchType.LAZY, cascade = CascadeType.ALL, optional = false)
    PlanDocument document;

    @ManyToMany
    @JoinTable(name = "plan_case", joinColumns = @JoinColumn(name = "plan_id"),
            inverseJoinColumns = @JoinColumn(name = "case_id"))
    Set<TestCase> cases = new LinkedHashSet<>();

    protected TestPlan() {
    }

    TestPlan(Product product, Long authorId) {
        this.createdAt = StoredTime.now();
        this.product = product;
        this.authorId = authorId;
        this.document = new PlanDocument(this, authorId);
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public ProductVersion version() {
        return version;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    public Long authorId() {
        return authorId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public PlanDocument document() {
        return document;
    }

    public Set<TestCase> cases() {
        return cases;
    }

    void change(String name, ProductVersion version, boolean active) {
        this.name = name;
        this.version = version;
        this.active = active;
    }
}
