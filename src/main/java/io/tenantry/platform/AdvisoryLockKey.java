package io.tenantry.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of a PostgreSQL advisory lock on one named thing, for the one-key forms of the lock functions
 * ({@code pg_advisory_xact_lock(bigint)} and its shared and try forms): the first 8 bytes of the SHA-256
 * digest of the kind, a NUL and the name (UTF-8), read as a big-endian long.
 *
 * <p>Why not PostgreSQL's {@code hashtext}: its 32 bits are public and not made to resist a search, so a
 * stranger could find offline, in minutes, a tenant label whose schema hashed as a neighbour's, and with
 * his own tenant's restore hold every transaction of the neighbour's (their locks were one lock). Finding
 * a name whose key equals a given name's takes about 2^64 digests here. The kind keeps the locks of
 * different things apart.
 *
 * <p>Every instance must compute the same key for the same thing: changing this function, or a kind,
 * changes which transactions exclude each other while instances of two versions serve the same tenants
 * (see the tenant migration V6_4, which fences older instances off each tenant it upgrades).
 */
public final class AdvisoryLockKey {

    private AdvisoryLockKey() {
    }

    /**
     * The key of {@code name} among the things of {@code kind} (both not null; compared as given, so
     * callers pass one spelling, e.g. a schema's name or an address in lower case).
     */
    public static long of(String kind, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
