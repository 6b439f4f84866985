package io.tenantry.testing;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Payara Micro process shared by every test class that registers a {@link SharedServer} of the
 * same name: the first class to run starts it, classes that come meanwhile wait for that start
 * (the root store computes a value once, whichever threads ask), later ones find it running, and
 * JUnit's root store stops it at the end of the run. So a set of settings costs one start, however many classes test
 * it. {@link TestServers} names the servers there are.
 * <p>
 * Use: {@code @RegisterExtension static final SharedServer SERVER = TestServers.options();} then
 * {@link #process()} from {@code @BeforeAll} on.
 */
public final class SharedServer implements BeforeAllCallback {

    private final String name;
    private final Supplier<PayaraProcess> start;
    // Classes running concurrently share one instance (a static field): each sets the same process.
    private volatile PayaraProcess process;

    /** A server known by {@code name} in this run, started by {@code start} when first needed. */
    SharedServer(String name, Supplier<PayaraProcess> start) {
        this.name = name;
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        process = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedServer.class))
                .getOrComputeIfAbsent(name, key -> new Running(start.get()), Running.class).process();
    }

    /** The running server: its address, output and process id. */
    public PayaraProcess process() {
        if (process == null) {
            throw new IllegalStateException("Register the shared server " + name
                    + " as a static @RegisterExtension field");
        }
        return process;
    }

    /** A started server, stopped when JUnit closes its root store at the end of the run. */
    private record Running(PayaraProcess process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws InterruptedException {
            process.close();
        }
    }
}
