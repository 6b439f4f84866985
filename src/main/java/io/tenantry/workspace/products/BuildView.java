package io.tenantry.workspace.products;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A build of a product as the API shows it; {@link Input} is what a client sends to add or change one. */
public record BuildView(long id, long productId, String name, boolean active) {
    public static BuildView of(Build build) {
        return new BuildView(build.id(), build.product().id(), build.name(), build.active());
    }

    @Schema(name = "BuildInput")
    public record Input(String name, Boolean active) {
    }
}
