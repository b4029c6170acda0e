package org.sibao.identity.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.Validation;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: username and password for a signed bearer token. */
@RestController
class AuthController {

    private final AuthenticationManager authenticationManager;
    private final TokenService tokens;

    AuthController(AuthenticationManager authenticationManager, TokenService tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/api/v1/auth/token")
    TokenResponse token(@RequestBody TokenRequest request) {
        Validation v = new Validation();
        v.required(request.username(), "username");
        v.required(request.password(), "password");
        v.throwIfInvalid();
        try {
            var auth = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            TokenService.IssuedToken token = tokens.issue((CurrentUser) auth.getPrincipal());
            return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
        } catch (AuthenticationException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, SecurityConfig.failureKey(e), null, null);
        }
    }
}
