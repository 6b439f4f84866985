package io.tenantry.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The application's JSON-P provider (Jakarta JSON Processing 2.1), looked up once: use
 * {@code JSON.createReader(…)}, {@code JSON.createObjectBuilder()}, {@code JSON.createValue(…)} where
 * {@code jakarta.json.Json}'s static methods would be called. Those look the provider up again on
 * every call ({@link JsonProvider#provider()}: a ServiceLoader scan of every jar of the server's API
 * class loader on Payara), which was 14 % of the shared test server's CPU over a whole test run, and
 * was paid once per row of an imported archive. The provider is thread-safe and holds no request's
 * state. {@code ArchitectureTest} keeps the static methods out.
 */
public final class JsonProviderOnce {

    /**
     * The provider {@link JsonProvider#provider()} finds when this class is initialised: through the
     * initialising thread's context class loader, else the API's default (Parsson).
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviderOnce() {
    }
}
