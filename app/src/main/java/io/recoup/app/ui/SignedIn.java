package io.recoup.app.ui;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name on every dashboard page (for the navigation's sign-out). */
@ControllerAdvice(basePackageClasses = SignedIn.class)
class SignedIn {
    @ModelAttribute("user")
    String user(Principal who) {
        return who == null ? "" : who.getName();
    }
}
