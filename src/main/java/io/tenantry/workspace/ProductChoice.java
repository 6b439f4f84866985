package io.tenantry.workspace;

import java.io.Serializable;

/** A product in a page's choice list: no entity is kept in the view. */
public record ProductChoice(long id, String name) implements Serializable {

    static ProductChoice of(Product product) {
        return new ProductChoice(product.id(), product.name());
    }
}
