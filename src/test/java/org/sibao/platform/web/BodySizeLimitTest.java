package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A body declared larger than 60 MB is refused with 413 before it is read (and before authentication). */
@FullStackTest
class BodySizeLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anOversizedJsonBodyIs413ProblemJsonInChinese() throws Exception {
        String token = new ApiClient(port).as("admin", "Admin@2022").token();
        String answer = send("POST /api/v1/epidemic/test-results HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (61L * 1024 * 1024) + "\r\n\r\n[{\"idNumber\":");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "不超过 60 MB");
        String anonymous = send("POST /api/v1/appeals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (200L * 1024 * 1024) + "\r\n\r\n{");
        assertThat(anonymous).as("refused before anything, even authentication, reads it").startsWith("HTTP/1.1 413");
        assertThat(new ApiClient(port).as("admin", "Admin@2022").post("/api/v1/epidemic/test-results", java.util.List.of())
                .status()).as("an ordinary body passes").isEqualTo(200);
    }

    private String send(String head) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
