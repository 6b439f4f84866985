package io.tenantry.workspace.products;

import java.util.List;
import java.util.Optional;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.access.TenantAccess;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.Reason;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.InputRules;
import io.tenantry.workspace.Listing;
import io.tenantry.workspace.WorkspaceItemsRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The current tenant's products and versions; versions are part of their product (changing one changes it). */
@ApplicationScoped
@Transactional
@TenantData
public class ProductCatalog {

    private static final Listing<Product> LISTING = new Listing<>(Product.class, "p", "id")
            .sort("id", "id").sort("name", "name").sort("createdAt", "createdAt")
            .containing("name", "name").readWith("versions");

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Event<WorkspaceItemsRemoved> removed;

    @Inject
    TenantAccess access;

    /** A window of the products, each with its versions. */
    @Requires(Permission.PRODUCT_VIEW)
    public ResultPage<Product> list(ListQuery query) {
        return LISTING.run(em, query);
    }

    /** Products to pick from in filters and forms: none for a caller who may not view products. */
    public List<ProductChoice> choices() {
        if (!access.permits(Permission.PRODUCT_VIEW)) {
            return List.of();
        }
        return em.createQuery("SELECT NEW " + ProductChoice.class.getName() + "(p.id, p.name) FROM Product p "
                + "ORDER BY p.name, p.id", ProductChoice.class).getResultList();
    }

    /** A product's name, for a page that names it (a breadcrumb): empty for a caller who may not view products. */
    public Optional<String> nameOf(long id) {
        if (!access.permits(Permission.PRODUCT_VIEW)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p.name FROM Product p WHERE p.id = :id", String.class).setParameter("id", id)
                .getResultList().stream().findFirst();
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
        Product product = new Product(requireText("name", name), describe(description));
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
        product.rename(requireText("name", name), describe(description));
        return product;
    }

    @Requires(Permission.PRODUCT_DELETE)
    public void remove(long id) {
        em.remove(get(id));
        removed.fire(new WorkspaceItemsRemoved());
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

    @Requires(Permission.PRODUCT_CHANGE)
    public ProductVersion changeVersion(long productId, long versionId, String value) {
        ProductVersion version = version(productId, versionId);
        version.rename(requireText("value", value));
        em.flush();
        return version;
    }

    /** Plans of the version keep their place, without a version. */
    @Requires(Permission.PRODUCT_CHANGE)
    public void removeVersion(long productId, long versionId) {
        em.remove(version(productId, versionId));
    }

    /** One version of the product; {@link NoSuchItemException} for a version of another product or none. */
    @Requires(Permission.PRODUCT_VIEW)
    public ProductVersion getVersion(long productId, long versionId) {
        return version(productId, versionId);
    }

    private ProductVersion version(long productId, long versionId) {
        ProductVersion version = em.find(ProductVersion.class, versionId);
        if (version == null || !version.product().id().equals(productId)) {
            throw new NoSuchItemException("version", versionId);
        }
        return version;
    }

    /** Runs against the build keep their results, without a build. */
    @Requires(Permission.PRODUCT_CHANGE)
    public void removeBuild(long productId, long buildId) {
        em.remove(buildOf(productId, buildId));
    }

    @Requires(Permission.PRODUCT_VIEW)
    public List<Build> builds(long productId) {
        return em.createQuery("SELECT b FROM Build b WHERE b.product.id = :product ORDER BY b.id", Build.class)
                .setParameter("product", find("productId", productId).id()).getResultList();
    }

    /** One build of the product; {@link NoSuchItemException} for a build of another product or none. */
    @Requires(Permission.PRODUCT_VIEW)
    public Build getBuild(long productId, long buildId) {
        return buildOf(productId, buildId);
    }

    private Build buildOf(long productId, long buildId) {
        Build build = build(buildId);
        if (!build.product().id().equals(productId)) {
            throw new NoSuchItemException("build", buildId);
        }
        return build;
    }

    @Requires(Permission.PRODUCT_CHANGE)
    public Build addBuild(long productId, String name) {
        Build build = new Build(find("productId", productId), InputRules.required("name", name, 100));
        requireUniqueBuild(build.product(), build.name(), null);
        em.persist(build);
        em.flush();
        return build;
    }

    @Requires(Permission.PRODUCT_CHANGE)
    public Build changeBuild(long productId, long buildId, String name, boolean active) {
        Build build = buildOf(productId, buildId);
        requireUniqueBuild(build.product(), InputRules.required("name", name, 100), buildId);
        build.change(name.strip(), active);
        return build;
    }

    /** A build of this tenant by id, for plans and runs that name one. */
    public Build build(long buildId) {
        Build build = em.find(Build.class, buildId);
        if (build == null) {
            throw new NoSuchItemException("build", buildId);
        }
        return build;
    }

    /** A product of this tenant named by a field of some input; refused on that field when absent. */
    public Product find(String field, Long productId) {
        if (productId == null) {
            throw BrokenRuleException.onField(field, "field.required", Reason.of("field." + field));
        }
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw BrokenRuleException.onField(field, "field.noSuchProduct", productId);
        }
        return product;
    }

    private void requireUniqueBuild(Product product, String name, Long except) {
        boolean taken = em.createQuery("SELECT b.id FROM Build b WHERE b.product = :product AND b.name = :name "
                        + "AND b.id <> :except", Long.class).setParameter("product", product).setParameter("name", name)
                .setParameter("except", except == null ? -1L : except).setMaxResults(1).getResultList().size() == 1;
        if (taken) {
            throw BrokenRuleException.onField("name", "build.nameTaken", name);
        }
    }

    private static String requireText(String field, String text) {
        return InputRules.required(field, text, 200);
    }

    // The schema bounds it too (product_description_length): the service says so by field, on pages as well.
    private static String describe(String description) {
        return InputRules.optional("description", description, 10_000);
    }
}
