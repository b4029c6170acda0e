package org.sibao.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A {@code multipart/form-data} body with text fields and file parts, for the upload tests. */
record Multipart(String contentType, byte[] body) {

    static Multipart of(String field, String fileName, String partType, byte[] content) {
        return of(Map.of(), List.of(new WebClient.FilePart(field, fileName, partType, content)));
    }

    /** A whole form: its text fields, then its file parts (several may share one field, as with {@code multiple}). */
    static Multipart of(Map<String, String> fields, List<WebClient.FilePart> files) {
        String boundary = "----sibao" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (WebClient.FilePart f : files) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
