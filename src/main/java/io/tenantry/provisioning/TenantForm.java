package io.tenantry.provisioning;

import java.io.Serializable;

/** What a person types about a tenant on the new-tenant and settings pages. */
public class TenantForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String organization;
    private boolean publiclyReadable;

    public TenantForm() {
    }

    public TenantForm(String name, String organization, boolean publiclyReadable) {
        this.name = name;
        this.organization = organization;
        this.publiclyReadable = publiclyReadable;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public boolean isPubliclyReadable() {
        return publiclyReadable;
    }

    public void setPubliclyReadable(boolean publiclyReadable) {
        this.publiclyReadable = publiclyReadable;
    }
}
