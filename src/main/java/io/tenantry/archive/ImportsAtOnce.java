package io.tenantry.archive;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.tenantry.accounts.TooManyAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many uploaded archives are imported at once on this instance, whatever their tenants: at most
 * {@value #AT_ONCE}. An import holds its archive's people in memory ({@code accounts.json}, up to 4 MiB,
 * read whole: {@link ArchivedPeople}); a hostile-owner review sent six crafted imports at once from
 * three tenants it owned and exhausted a 256 MiB heap, and an OutOfMemoryError then ended one of the
 * server's own threads. Counted across tenants because one owner may own several. Four: as many as
 * the test suite's classes running at once may import, each one import at a time. Restores are
 * bounded by their own slots ({@link RestorePointWork}).
 */
@ApplicationScoped
public class ImportsAtOnce {

    static final int AT_ONCE = 4;
    /** What a refused caller is told to wait: an ordinary import ends within it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Semaphore places = new Semaphore(AT_ONCE);

    /**
     * A place for one import, to be closed when it ends; refused with {@link TooManyAttemptsException}
     * (429, Retry-After) while {@value #AT_ONCE} imports run on this instance.
     */
    Place take() {
        if (!places.tryAcquire()) {
            throw new TooManyAttemptsException("archive.tooManyImports", WAIT, AT_ONCE);
        }
        return new Place();
    }

    /** One import's place; closing it (once or more) gives it back. */
    final class Place implements AutoCloseable {

        private boolean closed;

        private Place() {
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                places.release();
            }
        }
    }
}
