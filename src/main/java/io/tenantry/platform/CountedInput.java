package io.tenantry.platform;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that fails with {@link BodyTooLargeException} as soon as more than its limit has
 * been read, whether the client declared a length or sent it in chunks: nothing past the limit is
 * ever handed to the reader.
 */
final class CountedInput extends ServletInputStream {

    private final ServletInputStream body;
    private final BodyLimits.AtMost limit;
    private long read;
    private boolean overLimit;

    CountedInput(ServletInputStream body, BodyLimits.AtMost limit) {
        this.body = body;
        this.limit = limit;
    }

    /** Whether a reader tried to read past the limit. */
    boolean overLimit() {
        return overLimit;
    }

    @Override
    public int read() throws IOException {
        int b = body.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never more than one byte past the limit is asked for, so no larger buffer fills beyond it.
        long room = limit.bytes() - read + 1;
        int n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws BodyTooLargeException {
        read += n;
        if (read > limit.bytes()) {
            overLimit = true;
            throw new BodyTooLargeException(limit.reason());
        }
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
