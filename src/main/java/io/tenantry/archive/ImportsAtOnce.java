package io.tenantry.archive;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.tenantry.accounts.TooManyAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many uploaded archives are imported at once on this instance, whatever their tenants: at most
 * {@value #AT_ONCE}; and at most one import under way per importing account, from before its archive is
 * received until it ends. An import holds its archive's people in memory ({@code accounts.json}, up to 4 MiB,
 * read whole: {@link ArchivedPeople}); a hostile-owner review sent six crafted imports at once from
 * three tenants it owned and exhausted a 256 MiB heap, and an OutOfMemoryError then ended one of the
 * server's own threads. Counted across tenants because one owner may own several. Four: as many as
 * the test suite's classes running at once may import, each one import at a time. Restores are
 * bounded by their own slots ({@link RestorePointWork}).
 *
 * <p>One per account because an owner of four tenants held all four places for as long as he liked
 * (large archives that import for minutes, or fail only at their last row), and every other tenant's
 * import was refused meanwhile (a later hostile-owner review); and because each archive being received
 * takes up to ARCHIVE_MAX_SIZE_MB of temporary disk, which one account could multiply by sending many
 * slowly. Now holding the four places takes four accounts, each the owner of a tenant. That holds for
 * the API ({@code ArchiveResource} takes the turn before it reads the body); the settings page's form
 * ({@code ArchivePage}) takes it only once the container has parsed the upload, whose parts are held to
 * their limit and deleted as every page's uploads are ({@code platform.CappedBodies}).
 */
@ApplicationScoped
public class ImportsAtOnce {

    static final int AT_ONCE = 4;
    /** What a refused caller is told to wait: an ordinary import ends within it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Semaphore places = new Semaphore(AT_ONCE);
    private final Set<Long> importing = ConcurrentHashMap.newKeySet();

    /**
     * The account's one import, to be closed when it ends (received, imported or refused); refused with
     * {@link TooManyAttemptsException} (429, Retry-After) while the account (by id) has another under way
     * on this instance, whichever tenant it goes to. Taken before the archive is received.
     */
    Turn begin(long accountId) {
        if (!importing.add(accountId)) {
            throw new TooManyAttemptsException("archive.importUnderway", WAIT, 1);
        }
        return new Turn(accountId);
    }

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

    /** One account's import under way; closing it (once or more) lets the account begin another. */
    final class Turn implements AutoCloseable {

        private final long account;
        private boolean closed;

        private Turn(long account) {
            this.account = account;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                importing.remove(account);
            }
        }
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
