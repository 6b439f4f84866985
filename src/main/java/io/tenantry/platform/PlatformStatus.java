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

    /** Start-up met a problem (worded for the readiness check) and tries again. */
    public void failed(String problem) {
        this.problem = problem;
    }

    /** Start-up has prepared the database: requests may be served. */
    public void ready() {
        this.problem = null;
        this.ready = true;
    }
}
