package io.tenantry.workspace.products;

import java.io.Serializable;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.LazyList;
import io.tenantry.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A tenant's start page: its products in a lazy table (on the public host, the page also lists the
 * person's tenants from the shell).
 */
@Named
@ViewScoped
public class HomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductViews productViews;

    @Inject
    TenantAccess access;

    private final LazyList<ProductView> products = new LazyList<>(query -> productViews.products(query), ProductView::id);
    private String name;
    private String description;

    public LazyList<ProductView> getProducts() {
        return products;
    }

    public boolean isMayAdd() {
        return access.permits(Permission.PRODUCT_ADD);
    }

    public void add() {
        try {
            Product added = catalog.add(name, description);
            Messages.info("home.added", added.name());
            name = null;
            description = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
