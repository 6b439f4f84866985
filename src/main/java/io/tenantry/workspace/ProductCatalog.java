package io.tenantry.workspace;

import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The current tenant's products and versions; versions are part of their product (changing one changes it). */
@ApplicationScoped
@Transactional
@TenantData
public class ProductCatalog {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** Every product with its versions, in one query. */
    @Requires(Permission.PRODUCT_VIEW)
    public List<Product> all() {
        return em.createQuery("SELECT DISTINCT p FROM Product p LEFT JOIN FETCH p.versions ORDER BY p.id", Product.class)
                .getResultList();
    }

    @Requires(Permission.PRODUCT_VIEW)
    public Product get(long id) {
        List<Product> found = em.createQuery(
                        "SELECT p FROM Product p LEFT JOIN FETCH p.versions WHERE p.id = :id", Product.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw new NoSuchItemException("product", id);
        }
        return found.get(0);
    }

    @Requires(Permission.PRODUCT_ADD)
    public Product add(String name, String description) {
        Product product = new Product(requireText("name", name), description == null ? "" : description.strip());
        if (!em.createQuery("SELECT p.id FROM Product p WHERE p.name = :name").setParameter("name", product.name())
                .getResultList().isEmpty()) {
            throw new BrokenRuleException("product.nameTaken", product.name());
        }
        em.persist(product);
        em.flush();
        return product;
    }

    @Requires(Permission.PRODUCT_CHANGE)
    public Product change(long id, String name, String description) {
        Product product = get(id);
        product.rename(requireText("name", name), description == null ? "" : description.strip());
        return product;
    }

    @Requires(Permission.PRODUCT_DELETE)
    public void remove(long id) {
        em.remove(get(id));
    }

    @Requires(Permission.PRODUCT_CHANGE)
    public ProductVersion addVersion(long productId, String value) {
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw new NoSuchItemException("product", productId);
        }
        ProductVersion version = new ProductVersion(product, requireText("value", value));
        em.persist(version);
        em.flush();
        return version;
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BrokenRuleException("field.empty", Reason.of("field." + field));
        }
        return text.strip();
    }
}
