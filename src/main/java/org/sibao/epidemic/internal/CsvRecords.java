package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV records as RFC 4180 writes them: fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, line breaks and doubled quotes ({@code ""} for one). Leniencies: spaces before an opening quote
 * are ignored, text after a closing quote is kept, a quote inside an unquoted field is an ordinary character; a
 * leading byte-order mark is dropped. Records of blank lines are skipped. A line without quotes (nearly every line of
 * a lab's file) is split directly.
 */
final class CsvRecords {

    /**
     * @param line         the line of the text the record starts on (1-based)
     * @param unterminated the text ended inside a quoted field
     */
    record Record(int line, List<String> fields, boolean unterminated) {
    }

    private CsvRecords() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int n = text.length();
        int pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        int quote = text.indexOf('"', pos);
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            int end = eol < 0 ? n : eol;
            int contentEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (quote >= 0 && quote < pos) {
                quote = text.indexOf('"', pos);
            }
            if (quote < 0 || quote >= contentEnd) {
                String plain = text.substring(pos, contentEnd);
                if (!plain.isBlank()) {
                    records.add(new Record(line, split(plain), false));
                }
                pos = end + 1;
                line++;
                continue;
            }
            int start = line;
            List<String> fields = new ArrayList<>(4);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            boolean unterminated = false;
            while (true) {
                if (pos >= n) {
                    unterminated = quoted;
                    break;
                }
                char c = text.charAt(pos);
                if (quoted) {
                    if (c == '"') {
                        if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                        } else {
                            quoted = false;
                            pos++;
                        }
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                    pos++;
                    continue;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = false;
                    pos++;
                } else if (c == '\n' || (c == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n')) {
                    pos += c == '\r' ? 2 : 1;
                    line++;
                    break;
                } else if (c == '"' && !any && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                    any = true;
                    pos++;
                } else {
                    field.append(c);
                    if (c != ' ' && c != '\t') {
                        any = true;
                    }
                    pos++;
                }
            }
            fields.add(field.toString());
            records.add(new Record(start, fields, unterminated));
        }
        return records;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(4);
        int from = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
            fields.add(line.substring(from, comma));
            from = comma + 1;
        }
        fields.add(line.substring(from));
        return fields;
    }
}
