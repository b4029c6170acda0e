package org.sibao.logistics.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The checkpoints' pass check, without login: JSON for apps, a Chinese page for browsers (Accept: text/html), and
 * a form to type a code in. The JSON says valid or not, never why, with details only for a valid code (route,
 * carrier, served subjects, drivers' masked names); the page also says why an authentic code is invalid, never why
 * a forged one is. The JSON check is served at the root ({@code /public/passes/verify}) and under the API's base
 * path ({@code /api/v1/public/passes/verify}, public like every {@code /api/v1/public/**} path, see
 * {@code SecurityConfig}) with the same answer.
 */
@Controller
class PublicPassController {

    private final PassService passes;

    PublicPassController(PassService passes) {
        this.passes = passes;
    }

    @GetMapping({"/public/passes/verify", "/api/v1/public/passes/verify"})
    @ResponseBody
    ResponseEntity<PassService.Verification> verify(@RequestParam(required = false) String code) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(passes.verify(code));
    }

    @GetMapping(path = "/public/passes/verify", produces = MediaType.TEXT_HTML_VALUE)
    String verifyPage(@RequestParam(required = false) String code, Model model) {
        PassService.Check check = passes.check(code);
        model.addAttribute("code", code);
        model.addAttribute("result", check.answer());
        model.addAttribute("why", check.invalidity());
        return "logistics/verify";
    }

    @GetMapping("/public/passes/check")
    String check() {
        return "logistics/check";
    }
}
