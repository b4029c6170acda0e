package org.sibao.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in user's notifications: {@code /api/v1/notifications} and the page {@code /notifications}. */
@Controller
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    PageResult<Inbox.Item> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return inbox.list(CurrentUser.get().id(), unread, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseBody
    Map<String, Object> read(@PathVariable long id) {
        if (!inbox.markRead(CurrentUser.get().id(), id)) {
            throw ApiException.notFound("notification", id);
        }
        return Map.of("id", id, "read", true);
    }

    @PostMapping("/api/v1/notifications/read-all")
    @ResponseBody
    Map<String, Object> readAll() {
        return Map.of("marked", inbox.markAllRead(CurrentUser.get().id()));
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("result", inbox.list(CurrentUser.get().id(), unread, PageQuery.of(page, 20)));
        model.addAttribute("unreadOnly", unread);
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/read")
    String readWeb(@PathVariable long id) {
        inbox.markRead(CurrentUser.get().id(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAllWeb() {
        inbox.markAllRead(CurrentUser.get().id());
        return "redirect:/notifications";
    }

    @Configuration(proxyBeanMethods = false)
    static class Shell {

        @Bean
        NavItem notificationsNav() {
            return new NavItem(950, "nav.notifications", "/notifications", Set.of());
        }

        @Bean
        HomeCards notificationCards(Inbox inbox) {
            return () -> CurrentUser.find()
                    .map(u -> List.of(new HomeCard(5, "notification.card.unread", String.valueOf(inbox.unread(u.id())),
                            "/notifications?unread=true", null)))
                    .orElse(List.of());
        }
    }
}
