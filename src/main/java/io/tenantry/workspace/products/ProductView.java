package io.tenantry.workspace.products;

import java.util.List;

/** A product as the API and the pages show it: its versions by value. */
public record ProductView(long id, String name, String description, List<String> versions) {
    public static ProductView of(Product product) {
        return new ProductView(product.id(), product.name(), product.description(),
                product.versions().stream().map(ProductVersion::value).toList());
    }
}
