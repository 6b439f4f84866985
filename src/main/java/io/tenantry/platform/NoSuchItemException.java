package io.tenantry.platform;

/** The current tenant has no item of that kind with that id (another tenant's ids are invisible). */
public class NoSuchItemException extends RefusedException {

    /** @param kind a key of the reasons bundle under {@code kind.}, such as "group" */
    public NoSuchItemException(String kind, long id) {
        super("noSuchItem", Reason.of("kind." + kind), id);
    }

    private NoSuchItemException(String kind) {
        super("noSuchItem.unreadable", Reason.of("kind." + kind));
    }

    /** For an id that is no id at all (not a whole number from 1 to 2^63-1): it names no item either. */
    public static NoSuchItemException unreadable(String kind) {
        return new NoSuchItemException(kind);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_FOUND;
    }
}
