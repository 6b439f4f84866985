package io.tenantry.bench;

import java.util.List;

import io.tenantry.api.ProductJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET answers the same JSON as GET /api/products from the shared tables, through the "bench"
 * persistence unit, which has no routing listener: the unrouted baseline of bench/README.md.
 */
@Path("bench/shared-products")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class SharedProductsResource {

    @PersistenceContext(unitName = "bench")
    EntityManager em;

    /** The same query and the same JSON records as GET /api/products, so only routing differs. */
    @GET
    public List<ProductJson> list() {
        return em.createQuery("SELECT DISTINCT p FROM SharedProduct p LEFT JOIN FETCH p.versions ORDER BY p.id",
                        SharedProduct.class).getResultList().stream()
                .map(p -> new ProductJson(p.id, p.name, p.description, p.createdAt, p.versions.stream()
                        .map(v -> new ProductJson.VersionJson(v.id, v.product.id, v.value)).toList()))
                .toList();
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
