package io.tenantry.workspace.cases;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.LazyList;
import io.tenantry.faces.Pages;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.workspace.products.ProductCatalog;
import io.tenantry.workspace.products.ProductChoice;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The list of test cases: lazy, sortable, filterable by column and by product; and a quick new case. */
@Named
@ViewScoped
public class CasesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseViews caseViews;

    @Inject
    TestCases cases;

    @Inject
    ProductCatalog catalog;

    @Inject
    TenantAccess access;

    private final LazyList<CaseView> list = new LazyList<>(query -> caseViews.cases(query), CaseView::id);
    private String productParam;
    private Long productId;
    private List<ProductChoice> products;
    private String summary;

    /** The list of the product the address names, or of all; an id that names no product is refused: 404. */
    public void load() {
        productId = ItemIds.optional(productParam, "product").orElse(null);
        if (productId != null && getProducts().stream().noneMatch(p -> p.id() == productId)) {
            throw new NoSuchItemException("product", productId);
        }
    }

    public LazyList<CaseView> getList() {
        return list.with("product", productId);
    }

    public List<ProductChoice> getProducts() {
        if (products == null) {
            products = catalog.choices();
        }
        return products;
    }

    public List<CaseStatus> getStatuses() {
        return List.of(CaseStatus.values());
    }

    public boolean isMayAdd() {
        return access.permits(Permission.CASE_ADD);
    }

    public void add() throws IOException {
        Pages.createThenOpen(() -> cases.add(new TestCases.Input(productId, summary, null, null, null, null, null,
                null, null, null, null, null)).id(), "/case.xhtml");
    }

    /** The product's id as the address gives it, read by {@link #load}. */
    public String getProductParam() {
        return productParam;
    }

    public void setProductParam(String productParam) {
        this.productParam = productParam;
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }
}
