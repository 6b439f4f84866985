package io.tenantry.accounts;

import java.util.EnumMap;
import java.util.Map;

import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * A mailed single-use link looked at as its page opens, so that a used, expired or replaced link is
 * said at once instead of after the person has filled in the form. Looking leaves the link unused
 * ({@link SingleUseLinks#peek}); the answer is kept for the request, so the form's own use of the
 * link later in the same request does not turn it into "used".
 */
@RequestScoped
public class OpenedLink {

    @Inject
    SingleUseLinks links;

    private final Map<SingleUseLinks.Purpose, String> refusals = new EnumMap<>(SingleUseLinks.Purpose.class);

    /**
     * Why the link of this purpose cannot be used, in the page's language (what to do included);
     * empty when it can, and when there is no token (the page says that itself).
     */
    public String refusalOf(SingleUseLinks.Purpose purpose, String token) {
        if (token == null || token.isBlank()) {
            return "";
        }
        return refusals.computeIfAbsent(purpose, p -> {
            try {
                links.peek(p, token);
                return "";
            } catch (SingleUseLinks.LinkRefusedException refused) {
                return Messages.reason(refused);
            }
        });
    }
}
