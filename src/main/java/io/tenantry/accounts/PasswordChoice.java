package io.tenantry.accounts;

import java.util.Objects;

import io.tenantry.faces.Messages;

/** A new password typed twice, as every form that sets one asks for it. */
public class PasswordChoice {

    private String value;
    private String confirmation;

    /** True when both entries are the same; otherwise says so on the page. */
    public boolean confirmed() {
        if (!Objects.equals(value, confirmation)) {
            Messages.error("register.mismatch");
            return false;
        }
        return true;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
