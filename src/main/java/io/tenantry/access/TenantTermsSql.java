package io.tenantry.access;

/**
 * The terms of tenants for another module's SQL over {@code public.tenant}: access's table stays
 * access's to name, and the rule of {@link Subscription#of} is written once more here, in SQL, so
 * that lists filter and sort by it in the database (TenantCatalogIT compares both for each state).
 * Each method takes the alias the caller's query gives {@code public.tenant}.
 */
public final class TenantTermsSql {

    private static final String ALIAS = "tenant_terms_";

    private TenantTermsSql() {
    }

    /** The join that gives {@code tenant}'s terms to the other expressions here; put it in the FROM clause. */
    public static String join(String tenant) {
        return "LEFT JOIN public.tenant_terms " + ALIAS + tenant + " ON " + ALIAS + tenant + ".tenant_id = " + tenant + ".id";
    }

    /** The owner's account id, null for none. */
    public static String ownerId(String tenant) {
        return ALIAS + tenant + ".owner_id";
    }

    /** The paid-until instant (timestamptz), null for none. */
    public static String paidUntil(String tenant) {
        return ALIAS + tenant + ".paid_until";
    }

    /** The name of the tenant's subscription plan (text). */
    public static String planName(String tenant) {
        return "(SELECT p.name FROM public.subscription_plan p WHERE p.id = " + ALIAS + tenant + ".plan_id)";
    }

    /**
     * How many invitations to the tenant hold a place in its plan (bigint): sent, not accepted, not
     * expired ({@link MemberLimit}'s count).
     */
    public static String invitationsHoldingAPlace(String tenant) {
        return "(SELECT count(*) FROM public.invitation i WHERE i.tenant_id = " + tenant + ".id AND "
                + Invitations.HOLDS_A_PLACE + ")";
    }

    /** Where the subscription stands now, as {@link Subscription#id}: {@code free}, {@code expired}, {@code trial} or {@code paid}. */
    public static String subscription(String tenant) {
        String terms = ALIAS + tenant;
        return "(CASE WHEN " + tenant + ".label = 'public' THEN 'free' "
                + "WHEN " + terms + ".paid_until IS NULL OR " + terms + ".paid_until <= now() THEN 'expired' "
                + "WHEN " + terms + ".paid_until = " + terms + ".trial_ends THEN 'trial' ELSE 'paid' END)";
    }
}
