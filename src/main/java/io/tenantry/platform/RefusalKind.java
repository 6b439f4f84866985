package io.tenantry.platform;

/**
 * What kind of refusal a {@link RefusedException} is, and so its HTTP status (RFC 9110, RFC 6585
 * for 429), which the API and the pages answer with; the features say which kind, the edges map
 * it without knowing the features.
 */
public enum RefusalKind {
    /** The input breaks a rule: 400. */
    INVALID(400),
    /** Nobody is signed in where someone must be: 401. */
    NOT_SIGNED_IN(401),
    /** The tenant's subscription has run out: 402. */
    PAYMENT_REQUIRED(402),
    /** Signed in, but not allowed to: 403. */
    NOT_PERMITTED(403),
    /** No such item, tenant or account here (or not one the caller may know of): 404. */
    NOT_FOUND(404),
    /** The change conflicts with what is there, or with a change under way: 409. */
    CONFLICT(409),
    /** A body or file beyond its limit: 413. */
    TOO_LARGE(413),
    /** Too many attempts; the refusal says how long to wait: 429. */
    TOO_MANY_ATTEMPTS(429),
    /** Out of service for a while (a restore); the refusal says how long to wait: 503. */
    UNAVAILABLE(503),
    /** The tenant's storage limit would be passed: 507. */
    INSUFFICIENT_STORAGE(507);

    private final int status;

    RefusalKind(int status) {
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}
