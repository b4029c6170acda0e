package org.sibao.platform.web;

import java.util.Set;

/**
 * A navigation entry a module contributes to the web UI shell (declare a bean). {@code roles} are role names;
 * empty means every signed-in user.
 *
 * @param order    position in the menu
 * @param labelKey message key of the label
 * @param href     target path
 * @param roles    roles that see the entry
 */
public record NavItem(int order, String labelKey, String href, Set<String> roles) {

    public boolean visibleTo(String role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
