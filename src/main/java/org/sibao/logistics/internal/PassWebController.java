package org.sibao.logistics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pass pages: the list with the transport officers' decisions, one pass with its code, the application form. */
@Controller
class PassWebController {

    private final PassService passes;
    private final Messages messages;

    PassWebController(PassService passes, Messages messages) {
        this.passes = passes;
        this.messages = messages;
    }

    @GetMapping("/passes")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("passes", passes.passes(status, null, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", PassStatus.values());
        common(model);
        return "logistics/passes";
    }

    @GetMapping("/passes/{id}")
    String detail(@PathVariable String id, Model model) {
        VehiclePass p = passes.pass(id);
        model.addAttribute("pass", p);
        model.addAttribute("canRevoke", PassService.canRevoke(CurrentUser.get(), p));
        common(model);
        return "logistics/pass";
    }

    @GetMapping("/passes/new")
    String form(Model model) {
        CurrentUser u = CurrentUser.get();
        if (!PassService.canFile(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        model.addAttribute("carrierEnterpriseId", u.enterpriseId());
        return "logistics/apply";
    }

    @PostMapping("/passes")
    String apply(@RequestParam String carrierEnterpriseId, @RequestParam String plateNumber,
            @RequestParam(required = false) List<String> driverName, @RequestParam(required = false) List<String> driverIdNumber,
            @RequestParam(required = false) List<String> driverPhone, @RequestParam String origin,
            @RequestParam String destination, @RequestParam String validFrom, @RequestParam String validTo,
            @RequestParam String servedEnterpriseIds, RedirectAttributes redirect) {
        List<PassService.DriverRequest> drivers = new ArrayList<>();
        int n = driverName == null ? 0 : driverName.size();
        for (int i = 0; i < n; i++) {
            String name = driverName.get(i);
            String idNumber = at(driverIdNumber, i);
            String phone = at(driverPhone, i);
            if ((name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank()) && i > 0) {
                continue;
            }
            drivers.add(new PassService.DriverRequest(name, idNumber, phone));
        }
        List<String> served = Arrays.stream(servedEnterpriseIds.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        VehiclePass p = passes.file(new PassService.PassRequest(carrierEnterpriseId, plateNumber, drivers, origin,
                destination, validFrom, validTo, served));
        redirect.addFlashAttribute("flash", messages.get("passes.flash.filed"));
        return "redirect:/passes/" + p.id();
    }

    @PostMapping("/passes/{id}/{verb}")
    String decide(@PathVariable String id, @PathVariable String verb, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PassService.Decision d = new PassService.Decision(reason, null);
        switch (verb) {
            case "approve" -> passes.approve(id, d);
            case "reject" -> passes.reject(id, d);
            case "revoke" -> passes.revoke(id, d);
            default -> throw ApiException.notFound(PassService.PASS, id);
        }
        redirect.addFlashAttribute("flash", messages.get("passes.flash.decided"));
        return "redirect:/passes/" + id;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private void common(Model model) {
        model.addAttribute("canDecide", PassService.isTransportOfficer(CurrentUser.get()));
    }
}
