package io.tenantry.workspace.products;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as the API shows it, with its versions. */
public record ProductJson(long id, String name, String description, OffsetDateTime createdAt, List<VersionJson> versions) {

    static ProductJson of(Product product) {
        return new ProductJson(product.id(), product.name(), product.description(), product.createdAt(),
                product.versions().stream().map(VersionJson::of).toList());
    }

    /** The product's id, not its versions: equal products still hash alike. */
    @Override
    public int hashCode() {
        // Yasson takes it on entering and leaving each object it writes (io.tenantry.api.PageJson#hashCode).
        return Long.hashCode(id);
    }

    /** What a client sends to create or change a product. */
    @Schema(name = "ProductInput")
    public record Input(String name, String description) {
    }

    /** A product version; {@code productId} is read from the foreign key itself. */
    public record VersionJson(long id, long productId, String value) {

        static VersionJson of(ProductVersion version) {
            return new VersionJson(version.id(), version.product().id(), version.value());
        }

        /** What a client sends to add a version. */
        @Schema(name = "VersionInput")
        public record Input(String value) {
        }
    }
}
