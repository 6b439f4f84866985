package io.tenantry.workspace.plans;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.LazyList;
import io.tenantry.faces.Pages;
import io.tenantry.workspace.products.ProductCatalog;
import io.tenantry.workspace.products.ProductChoice;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The list of test plans, and a new plan for a product. */
@Named
@ViewScoped
public class PlansPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanViews planViews;

    @Inject
    TestPlans plans;

    @Inject
    ProductCatalog catalog;

    @Inject
    TenantAccess access;

    private final LazyList<PlanView> list = new LazyList<>(query -> planViews.plans(query), PlanView::id);
    private List<ProductChoice> products;
    private Long productId;
    private String name;

    public LazyList<PlanView> getList() {
        return list;
    }

    public List<ProductChoice> getProducts() {
        if (products == null) {
            products = catalog.choices();
        }
        return products;
    }

    /** The product's name in the list, without asking the database again. */
    public String productName(long id) {
        return getProducts().stream().filter(p -> p.id() == id).map(ProductChoice::name).findFirst().orElse("");
    }

    public boolean isMayAdd() {
        return access.permits(Permission.PLAN_ADD);
    }

    public void add() throws IOException {
        Pages.createThenOpen(() -> plans.add(new TestPlans.Input(productId, null, name, null, true)).id(),
                "/plan.xhtml");
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
