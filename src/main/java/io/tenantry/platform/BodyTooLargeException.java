package io.tenantry.platform;

import java.io.IOException;

/**
 * Thrown by a request body's stream once more bytes came than its limit allows: reading stops there,
 * and the request is answered 413 with the reason (the API's mappers and {@link CappedBodies} both
 * look for it). An {@link IOException}, since it ends a read.
 */
public class BodyTooLargeException extends IOException implements Explained {

    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    public BodyTooLargeException(Reason reason) {
        super(reason.inEnglish());
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
