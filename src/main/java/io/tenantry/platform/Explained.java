package io.tenantry.platform;

/**
 * A refusal meant for people: its {@link Reason} is put into the reader's language where it is
 * shown, while {@link Throwable#getMessage()} stays English for logs.
 */
public interface Explained {

    Reason reason();
}
