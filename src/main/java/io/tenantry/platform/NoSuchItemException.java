package io.tenantry.platform;

/** The current tenant has no item of that kind with that id (another tenant's ids are invisible). */
public class NoSuchItemException extends RefusedException {

    /** @param kind a key of the reasons bundle under {@code kind.}, such as "group" */
    public NoSuchItemException(String kind, long id) {
        super("noSuchItem", Reason.of("kind." + kind), id);
    }
}
