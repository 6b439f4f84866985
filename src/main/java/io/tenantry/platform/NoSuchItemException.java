package io.tenantry.platform;

/** The current tenant has no item of that kind with that id (another tenant's ids are invisible). */
public class NoSuchItemException extends RuntimeException {

    public NoSuchItemException(String kind, long id) {
        super("There is no " + kind + " with id " + id + ".");
    }
}
