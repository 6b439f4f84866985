package io.tenantry.access;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Database;
import io.tenantry.provisioning.TenantConflictException;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.provisioning.UnknownTenantException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantChanges;
import io.tenantry.tenancy.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes a tenant's terms, with what follows from them in the same transaction: the owner is an
 * authorized user and an Administrator ({@link OwnerAdmission}), and every instance is told once it
 * commits ({@link TenantChanges}: their {@link TenantTermsDirectory} read the terms again); observers
 * of {@link TenantTermsSet} (the audit trail) write in the same transaction. Read and
 * change terms through {@link TenantTermsDirectory}, which also keeps this instance's copy.
 */
@ApplicationScoped
public class TenantTermsStore {

    private static final int MAX_ORGANIZATION_LENGTH = 200;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantTermsRegistry registry;

    @Inject
    TenantRegistry tenants;

    @Inject
    OwnerAdmission ownerAdmission;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Event<TenantTermsSet> termsSet;

    /** Refuses an organization longer than the rules allow (400); to be called before anything is written. */
    static void requireOrganization(TenantTerms terms) {
        if (terms.organization().length() > MAX_ORGANIZATION_LENGTH) {
            throw new BrokenRuleException("tenant.organizationLength", terms.organization().length(),
                    MAX_ORGANIZATION_LENGTH);
        }
    }

    /**
     * A new tenant's terms, written inside its creation's transaction (provisioning's
     * {@code alongside}): a failure here rolls the creation back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Tenant tenant, TenantTerms terms) {
        try (Connection connection = Database.connection(dataSource)) {
            registry.insert(connection, tenant.id(), terms);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the terms of tenant " + tenant.label() + ": "
                    + e.getMessage(), e);
        }
        ownerAdmission.admitOwner(tenant, terms);
        termsSet.fire(TenantTermsSet.created(tenant, terms));
    }

    /**
     * New terms and name over {@code before} and {@code beforeTerms}, as the caller read them, all or
     * nothing. Refuses a tenant whose terms or name changed since ({@link TenantConflictException},
     * 409: read it again) and one gone ({@link UnknownTenantException}, 404). The name's rules are
     * provisioning's (400).
     */
    @Transactional
    public Tenant change(Tenant before, TenantTerms beforeTerms, String name, TenantTerms terms) {
        try (Connection connection = Database.connection(dataSource)) {
            if (!registry.replace(connection, before.id(), beforeTerms, terms)) {
                throw tenants.exists(connection, before.id()) ? TenantConflictException.changedMeanwhile(before.label())
                        : new UnknownTenantException(before.label());
            }
            TenantChanges.announce(connection, before.label());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the terms of tenant " + before.label() + ": "
                    + e.getMessage(), e);
        }
        ownerAdmission.admitOwner(before, terms);
        Tenant renamed = provisioning.rename(before, name);
        termsSet.fire(TenantTermsSet.changed(before, beforeTerms, renamed, terms));
        return renamed;
    }
}
