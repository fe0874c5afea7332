package io.recoup.app.ui;

import io.recoup.app.security.Role;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's name on every dashboard page (for the navigation's sign-out), and whether they are an admin:
 * the navigation shows the policy pages only to those who may open them ({@link UiSecurity}).
 */
@ControllerAdvice(basePackageClasses = SignedIn.class)
class SignedIn {
    @ModelAttribute("user")
    String user(Principal who) {
        return who == null ? "" : who.getName();
    }

    @ModelAttribute("admin")
    boolean admin(Principal who) {
        return who instanceof Authentication signedIn
                && signedIn.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }
}
