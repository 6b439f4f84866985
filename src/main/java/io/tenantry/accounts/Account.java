package io.tenantry.accounts;

import java.time.OffsetDateTime;
import java.util.Locale;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's account, shared by all tenants (public schema). */
@Entity
@Table(schema = "public", name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String username;

    String email;

    @Column(name = "display_name")
    String displayName = "";

    @Column(name = "password_hash")
    String passwordHash;

    @Column(name = "super_user")
    boolean superUser;

    boolean active = true;

    @Column(name = "may_create_tenants")
    boolean mayCreateTenants;

    @Column(name = "password_set")
    boolean passwordSet = true;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    OffsetDateTime lastLoginAt;

    protected Account() {
    }

    Account(String username, String email, String displayName, String passwordHash, boolean superUser) {
        this.createdAt = StoredTime.now();
        this.username = username;
        this.email = email.toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.superUser = superUser;
    }

    // Changes go through the entity's own methods: EclipseLink's woven change tracking does not
    // see fields written from other classes.
    void deactivate() {
        active = false;
    }

    void signedInAt(OffsetDateTime time) {
        lastLoginAt = time;
    }

    void changePassword(String hash) {
        passwordHash = hash;
        passwordSet = true;
    }

    /** The same password hashed again, at another cost: nothing else about the account changes. */
    void rehashPassword(String hash) {
        passwordHash = hash;
    }

    /** The name, display name and first password chosen when a registration is completed. */
    void register(String chosenUsername, String chosenDisplayName, String hash) {
        username = chosenUsername;
        displayName = chosenDisplayName;
        changePassword(hash);
    }

    /** An account made for a registration (or, before invitations waited for acceptance, an invitation): it exists, but no one can sign in to it until a password is chosen. */
    static Account invited(String username, String email, String unusableHash) {
        Account account = new Account(username, email, "", unusableHash, false);
        account.passwordSet = false;
        return account;
    }

    public boolean mayCreateTenants() {
        return mayCreateTenants;
    }

    public boolean hasPassword() {
        return passwordSet;
    }

    void allowTenantCreation(boolean allowed) {
        mayCreateTenants = allowed;
    }

    void changeDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    /** The display name, or the user name when none was given. */
    public String displayName() {
        return displayName.isBlank() ? username : displayName;
    }

    public boolean isSuperUser() {
        return superUser;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastLoginAt() {
        return lastLoginAt;
    }

    public Caller asCaller(Credential credential) {
        return new Caller(id, username, superUser, credential);
    }
}
