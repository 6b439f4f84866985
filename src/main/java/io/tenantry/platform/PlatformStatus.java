package io.tenantry.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the database is prepared and requests can be served; what went wrong if not. */
@ApplicationScoped
public class PlatformStatus {

    private volatile boolean ready;
    private volatile String problem = "starting: preparing the database";

    public boolean isReady() {
        return ready;
    }

    public String problem() {
        return problem;
    }

    void failed(String problem) {
        this.problem = problem;
    }

    void ready() {
        this.problem = null;
        this.ready = true;
    }
}
