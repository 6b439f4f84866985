package io.tenantry.accounts;

/**
 * How a request proved who calls. Every tenant's host serves pages a stranger may have written, so a
 * session there acts only within that tenant; the other credentials reach the whole account.
 */
public enum Credential {
    /** HTTP Basic: the password itself, sent with this request. */
    PASSWORD,
    /** A personal API token ({@code Authorization: Bearer}). */
    API_TOKEN,
    /** The browser session of the public host, where people sign in. */
    PUBLIC_SESSION,
    /** The browser session of a tenant's host, opened by a hand-off. */
    TENANT_SESSION;

    /** Whether the account itself (tokens, password, e-mail) and the platform may be acted on with it. */
    public boolean reachesAccount() {
        return this != TENANT_SESSION;
    }

    /**
     * Whether a browser may send it by itself, with any request to its host, rather than a program
     * choosing to: a session cookie, and HTTP Basic too, which a browser keeps after its password
     * prompt (every 401 offers one) and adds to later requests to the same host.
     */
    public boolean ambient() {
        return this != API_TOKEN;
    }
}
