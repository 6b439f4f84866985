package io.tenantry.files;

import io.tenantry.platform.TooLargeException;

/** An upload larger than allowed: refused with 413 and the limit, and nothing of it kept. */
public class FileTooLargeException extends TooLargeException {

    public FileTooLargeException(long maxBytes) {
        super("file.tooLarge", Math.max(1, maxBytes / (1024 * 1024)));
    }
}
