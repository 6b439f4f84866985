package io.tenantry.workspace.products;

import java.util.List;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads products and builds as views for the API and the pages, inside the tenant's transaction
 * (joining the caller's when there is one). The permission checks are {@link ProductCatalog}'s.
 */
@ApplicationScoped
@Transactional
@TenantData
public class ProductViews {

    @Inject
    ProductCatalog products;

    /** One page of products, as the query asks. */
    public ResultPage<ProductView> products(ListQuery query) {
        return products.list(query).map(ProductView::of);
    }

    /** Every build of a product; 404 when there is no such product here. */
    public List<BuildView> builds(long productId) {
        return products.builds(productId).stream().map(BuildView::of).toList();
    }
}
