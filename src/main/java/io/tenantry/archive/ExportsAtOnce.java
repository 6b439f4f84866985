package io.tenantry.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many exports of one tenant are made or sent at once on this instance: at most {@value #AT_ONCE}.
 * An export is written whole to a private temporary file before it is sent, so that a client reading
 * slowly (or not at all) holds no database connection ({@link ArchiveResource}); the file stays until it
 * is sent. Without a bound, an owner asking again and again for the archive of a large tenant, reading
 * none, would fill the server's disk. A place is given back once its archive is sent (or the sending
 * failed), and in any case after {@link #HELD_AT_MOST}, by when the listener has ended any request
 * (payara-config's request timeout), so that a place lost with a request is not lost for good.
 */
@ApplicationScoped
public class ExportsAtOnce {

    static final int AT_ONCE = 2;
    static final Duration HELD_AT_MOST = Duration.ofMinutes(15);
    /** What a refused caller is told to wait: an export of an ordinary tenant is sent within it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock;
    private final Map<Long, List<Instant>> underWay = new HashMap<>();

    public ExportsAtOnce() {
        this(Clock.systemUTC());
    }

    ExportsAtOnce(Clock clock) {
        this.clock = clock;
    }

    /**
     * A place for one export of the tenant, to be closed once it is sent; refused with
     * {@link TooManyAttemptsException} (429, Retry-After) while {@value #AT_ONCE} of its exports are under way.
     */
    synchronized Place take(Tenant tenant) {
        Instant now = clock.instant();
        List<Instant> taken = underWay.computeIfAbsent(tenant.id(), id -> new ArrayList<>());
        taken.removeIf(since -> since.plus(HELD_AT_MOST).isBefore(now));
        if (taken.size() >= AT_ONCE) {
            throw new TooManyAttemptsException("archive.tooManyExports", WAIT, AT_ONCE);
        }
        taken.add(now);
        return new Place(tenant.id(), now);
    }

    private synchronized void giveBack(long tenant, Instant since) {
        List<Instant> taken = underWay.get(tenant);
        if (taken != null && taken.remove(since) && taken.isEmpty()) {
            underWay.remove(tenant);
        }
    }

    /** One export's place; closing it (once or more) gives it back. */
    final class Place implements AutoCloseable {

        private final long tenant;
        private final Instant since;
        private boolean closed;

        private Place(long tenant, Instant since) {
            this.tenant = tenant;
            this.since = since;
        }

        /** {@code archive}, which gives this place back when it is closed (as the container does once it is sent). */
        InputStream heldBy(InputStream archive) {
            return new FilterInputStream(archive) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Place.this.close();
                    }
                }
            };
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                giveBack(tenant, since);
            }
        }
    }
}
