package io.tenantry.bench;

import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.api.PageJson;
import io.tenantry.workspace.products.ProductJson;
import io.tenantry.platform.ResultPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET answers what GET /api/products answers, from the shared tables of {@link SharedProduct}:
 * the baseline of bench/README.md. Everything but the tenant's schema is the same work: the
 * caller's token, the access decision, the page (counted only when it cannot tell the list's
 * length), the page's versions in one query, the JSON, in one transaction on one connection.
 */
@Path("bench/shared-products")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class SharedProductsResource {

    private static final int PAGE = 50;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantAccess access;

    @GET
    public PageJson<ProductJson> list() {
        access.require(Permission.PRODUCT_VIEW);
        var items = em.createQuery("SELECT p FROM SharedProduct p ORDER BY p.id", SharedProduct.class)
                .setHint(QueryHints.BATCH, "p.versions").setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .setFirstResult(0).setMaxResults(PAGE).getResultList();
        ResultPage<ProductJson> page = ResultPage.of(items, 0, PAGE,
                () -> em.createQuery("SELECT COUNT(p) FROM SharedProduct p", Long.class).getSingleResult())
                .map(p -> new ProductJson(p.id, p.name, p.description, p.createdAt, p.versions.stream()
                        .map(v -> new ProductJson.VersionJson(v.id, v.product.id, v.value)).toList()));
        return new PageJson<>(page.items(), page.total(), page.offset(), page.limit());
    }

    /** Creates the shared tables as copies of the template's and seeds them like a bench tenant. */
    @POST
    public void setUp() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS public.bench_product (LIKE \"_template\".product INCLUDING ALL)")
                .executeUpdate();
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS public.bench_product_version"
                + " (LIKE \"_template\".product_version INCLUDING ALL,"
                + " FOREIGN KEY (product_id) REFERENCES public.bench_product (id))").executeUpdate();
        em.createNativeQuery("TRUNCATE public.bench_product, public.bench_product_version").executeUpdate();
        for (int p = 1; p <= 2; p++) {
            em.createNativeQuery("INSERT INTO public.bench_product (id, name) VALUES (?, ?)")
                    .setParameter(1, p).setParameter(2, "shared/" + p).executeUpdate();
        }
    }
}
