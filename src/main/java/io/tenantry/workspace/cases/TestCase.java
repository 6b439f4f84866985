package io.tenantry.workspace.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.tenantry.platform.StoredTime;
import io.tenantry.workspace.products.Product;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One thing to check, step by step, with what should happen. Every change is kept as history. */
@Entity
@Table(name = "test_case")
public class TestCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", updatable = false)
    Product product;

    String summary;

    String preconditions = "";

    String steps = "";

    @Column(name = "expected_results")
    String expectedResults = "";

    int priority = 3;

    @Enumerated(EnumType.STRING)
    CaseStatus status = CaseStatus.PROPOSED;

    String category = "";

    boolean automated;

    @Column(name = "author_id", updatable = false)
    Long authorId;

    @Column(name = "default_tester_id")
    Long defaultTesterId;

    @ElementCollection
    @CollectionTable(name = "case_tag", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "tag")
    Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    // Two testers editing the same case: the second save is refused instead of silently winning.
    @Version
    @Column(name = "row_version")
    int rowVersion;

    protected TestCase() {
    }

    TestCase(Product product, Long authorId, CaseDraft draft) {
        OffsetDateTime now = StoredTime.now();
        this.createdAt = now;
        this.updatedAt = now;
        this.product = product;
        this.authorId = authorId;
        apply(draft);
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String summary() {
        return summary;
    }

    public String preconditions() {
        return preconditions;
    }

    public String steps() {
        return steps;
    }

    public String expectedResults() {
        return expectedResults;
    }

    public int priority() {
        return priority;
    }

    public CaseStatus status() {
        return status;
    }

    public String category() {
        return category;
    }

    public boolean automated() {
        return automated;
    }

    public Long authorId() {
        return authorId;
    }

    public Long defaultTesterId() {
        return defaultTesterId;
    }

    public Set<String> tags() {
        return tags;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public int rowVersion() {
        return rowVersion;
    }

    /** Takes the draft and says which fields changed, with their old and new values. */
    List<FieldChange> change(CaseDraft draft) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "summary", summary, draft.summary());
        compare(changes, "preconditions", preconditions, draft.preconditions());
        compare(changes, "steps", steps, draft.steps());
        compare(changes, "expectedResults", expectedResults, draft.expectedResults());
        compare(changes, "priority", priority, draft.priority());
        compare(changes, "status", status, draft.status());
        compare(changes, "category", category, draft.category());
        compare(changes, "automated", automated, draft.automated());
        compare(changes, "defaultTester", defaultTesterId, draft.defaultTesterId());
        compare(changes, "tags", String.join(", ", tags), String.join(", ", new TreeSet<>(draft.tags())));
        if (!changes.isEmpty()) {
            apply(draft);
            updatedAt = StoredTime.now();
        }
        return changes;
    }

    void setStatus(CaseStatus status) {
        this.status = status;
    }

    private void apply(CaseDraft draft) {
        summary = draft.summary();
        preconditions = draft.preconditions();
        steps = draft.steps();
        expectedResults = draft.expectedResults();
        priority = draft.priority();
        status = draft.status();
        category = draft.category();
        automated = draft.automated();
        defaultTesterId = draft.defaultTesterId();
        tags.clear();
        tags.addAll(draft.tags());
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }

    /** One field's change, as kept in the case's history. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
