package io.tenantry.access;

import java.io.Serializable;

/**
 * The fields of a tenant that a person types on the new-tenant page and changes on the settings
 * page: its name, organization and whether it is publicly readable (a Faces form's backing object).
 */
public class TenantFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String organization;
    private boolean publiclyReadable;

    public TenantFields() {
    }

    public TenantFields(String name, String organization, boolean publiclyReadable) {
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
