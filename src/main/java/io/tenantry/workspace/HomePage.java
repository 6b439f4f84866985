package io.tenantry.workspace;

import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A tenant's start page: its products (on the public host, the page also lists the person's tenants from the shell). */
@Named
@RequestScoped
public class HomePage {

    @Inject
    ProductCatalog catalog;

    @Inject
    TenantAccess access;


    private List<Product> products;
    private String name;
    private String description;

    public List<Product> getProducts() {
        if (products == null) {
            products = catalog.all();
        }
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
            products = null;
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
