package io.tenantry.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

import io.tenantry.platform.Reason;
import io.tenantry.platform.SingleLine;

/** What user names, e-mail addresses, display names and passwords must look like; each refusal says why. */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,39}");
    private static final int SHOWN_ADDRESS = 80;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountRules() {
    }

    public static String username(String username) {
        String trimmed = username == null ? "" : username.strip();
        if (!USERNAME.matcher(trimmed).matches()) {
            throw new InvalidAccountException("username", "account.username");
        }
        return trimmed;
    }

    /**
     * The address as accounts keep it (trimmed, lower-case); an empty one, or one that is not an
     * address with a dot in its domain (or longer than 254 characters), is refused with words naming
     * it (at most its first {@value #SHOWN_ADDRESS} characters), so that a list's wrong entry can be found.
     */
    public static String email(String email) {
        String trimmed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw new InvalidAccountException("email", "account.emailMissing");
        }
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidAccountException("email", "account.email", shown(email.strip()));
        }
        return trimmed;
    }

    /** What a refusal quotes of an address: as given, cut to {@value #SHOWN_ADDRESS} characters. */
    private static String shown(String given) {
        return given.length() <= SHOWN_ADDRESS ? given : given.substring(0, SHOWN_ADDRESS) + "…";
    }

    public static String displayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.length() > 100) {
            throw new InvalidAccountException("displayName", "account.displayName", 100);
        }
        if (!SingleLine.is(trimmed)) {
            throw new InvalidAccountException("displayName", "text.singleLine", Reason.of("field.displayName"));
        }
        return trimmed;
    }

    public static String password(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidAccountException("password", "password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 200) {
            throw new InvalidAccountException("password", "password.tooLong", 200);
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidAccountException("password", "password.isUsername");
        }
        return password;
    }
}
