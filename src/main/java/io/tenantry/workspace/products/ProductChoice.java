package io.tenantry.workspace.products;

import java.io.Serializable;

/** A product in a page's choice list: no entity is kept in the view. */
public record ProductChoice(long id, String name) implements Serializable {
}
