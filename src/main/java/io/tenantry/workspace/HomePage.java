package io.tenantry.workspace;

import java.util.List;

import io.tenantry.access.MyTenants;
import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.Tenant;
import io.tenantry.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A tenant's start page: its products, and on the public host the tenants of the person signed in. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    ProductCatalog catalog;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller caller;

    @Inject
    MyTenants myTenants;

    private List<Product> products;
    private String name;
    private String description;

    public List<Product> getProducts() {
        if (products == null) {
            products = catalog.all();
        }
        return products;
    }

    public List<Tenant> getMyTenants() {
        return caller.signedIn().map(c -> myTenants.of(c.accountId())).orElse(List.of());
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
