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
 * How many exports of one tenant are made or sent at once on this instance: at most {@value #AT_ONCE};
 * and as many of one account's, whatever their tenants, as one person may own or administer several
 * (a hostile-owner review: each tenant he owns added two files as large as its archive to the disk).
 * An export is written whole to a private temporary file before it is sent, so that a client reading
 * slowly (or not at all) holds no database connection ({@link ArchiveResource}); the file stays until it
 * is sent. Without a bound, an owner asking again and again for the archive of a large tenant, reading
 * none, would fill the server's disk. A place is given back once its archive is sent (or the sending
 * failed), and in any case after {@link #HELD_AT_MOST}, so that a place lost with a request is not lost
 * for good; by then its archive fails to read, so that a client reading a few bytes now and then cannot
 * keep the file while its place is taken again (a hostile-owner review: the places were counted no more
 * after 15 minutes, while the file of a download kept alive stayed as long as the listener let it run,
 * and how a response still being written ends is the listener's own affair).
 */
@ApplicationScoped
public class ExportsAtOnce {

    static final int AT_ONCE = 2;
    static final Duration HELD_AT_MOST = Duration.ofMinutes(15);
    /** What a refused caller is told to wait: an export of an ordinary tenant is sent within it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock;
    private final Map<Long, List<Instant>> byTenant = new HashMap<>();
    private final Map<Long, List<Instant>> byAccount = new HashMap<>();

    public ExportsAtOnce() {
        this(Clock.systemUTC());
    }

    ExportsAtOnce(Clock clock) {
        this.clock = clock;
    }

    /**
     * A place for one export of the tenant asked for by the account (by id), to be closed once it is sent;
     * refused with {@link TooManyAttemptsException} (429, Retry-After) while {@value #AT_ONCE} of the tenant's
     * exports, or {@value #AT_ONCE} of the account's (of any tenants), are under way.
     */
    synchronized Place take(Tenant tenant, long account) {
        Instant now = clock.instant();
        List<Instant> ofTenant = underWay(byTenant, tenant.id(), now);
        if (ofTenant.size() >= AT_ONCE) {
            throw new TooManyAttemptsException("archive.tooManyExports", WAIT, AT_ONCE);
        }
        List<Instant> ofAccount = underWay(byAccount, account, now);
        if (ofAccount.size() >= AT_ONCE) {
            throw new TooManyAttemptsException("archive.tooManyExportsOfYours", WAIT, AT_ONCE);
        }
        ofTenant.add(now);
        ofAccount.add(now);
        return new Place(tenant.id(), account, now);
    }

    /** The places taken under the key and not yet run out. */
    private static List<Instant> underWay(Map<Long, List<Instant>> places, long key, Instant now) {
        List<Instant> taken = places.computeIfAbsent(key, id -> new ArrayList<>());
        taken.removeIf(since -> since.plus(HELD_AT_MOST).isBefore(now));
        return taken;
    }

    private synchronized void giveBack(long tenant, long account, Instant since) {
        giveBack(byTenant, tenant, since);
        giveBack(byAccount, account, since);
    }

    private static void giveBack(Map<Long, List<Instant>> places, long key, Instant since) {
        List<Instant> taken = places.get(key);
        if (taken != null && taken.remove(since) && taken.isEmpty()) {
            places.remove(key);
        }
    }

    /** One export's place; closing it (once or more) gives it back. */
    final class Place implements AutoCloseable {

        private final long tenant;
        private final long account;
        private final Instant since;
        private boolean closed;

        private Place(long tenant, long account, Instant since) {
            this.tenant = tenant;
            this.account = account;
            this.since = since;
        }

        /**
         * {@code archive}, which gives this place back when it is closed (as the container does once it is
         * sent), and which fails to read (IOException) once the place has been held {@link #HELD_AT_MOST}:
         * the sending then fails and the container closes it, so its file goes when its place is counted
         * no more, however slowly its client reads.
         */
        InputStream heldBy(InputStream archive) {
            return new FilterInputStream(archive) {
                @Override
                public int read() throws IOException {
                    requireHeld();
                    return super.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    requireHeld();
                    return super.read(buffer, offset, length);
                }

                @Override
                public long skip(long n) throws IOException {
                    requireHeld();
                    return super.skip(n);
                }

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

        private void requireHeld() throws IOException {
            if (since.plus(HELD_AT_MOST).isBefore(clock.instant())) {
                throw new IOException("The export was not sent within " + HELD_AT_MOST.toMinutes() + " minutes");
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                giveBack(tenant, account, since);
            }
        }
    }
}
