// SPDX-License-Identifier: EPL-2.0
package blitz.decoder.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;

/**
 * Reads fixture files. The format is plain text, one recorded message per line:
 *
 * <pre>
 * # comment lines and blank lines are ignored; so is anything after " #" on a line
 * 08A0000003E87FF80100FFF00000 =&gt; adc_channel_one=2047 adc_channel_two=2049 adc_channel_five=0
 * </pre>
 *
 * The left side is the board line exactly as received (any case); the right side lists
 * {@code name=value} pairs separated by blanks, values as Java doubles. A fixture need not list
 * every variable; each listed one must be decoded to that value.
 */
public final class DecoderFixtures {
    private static final String ARROW = "=>";

    private DecoderFixtures() {
    }

    /**
     * Loads a fixture file from the bundle (or class path) of {@code anchor}, normally the test class.
     *
     * @param resource a path such as {@code "fixtures/board-08.txt"}
     * @throws IllegalArgumentException when the file is missing or has a bad line
     */
    public static List<DecoderFixture> load(Class<?> anchor, String resource) {
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture file " + resource + " not found beside " + anchor.getName());
            }
            return parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture file " + resource, e);
        }
    }

    /**
     * @param name   the file's name, for error messages
     * @param source the text
     * @throws IllegalArgumentException on the first bad line, naming file and line number
     */
    public static List<DecoderFixture> parse(String name, Reader source) throws IOException {
        List<DecoderFixture> fixtures = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            String line = stripComment(text).trim();
            if (!line.isEmpty()) {
                fixtures.add(fixture(name + ":" + number, line));
            }
        }
        return List.copyOf(fixtures);
    }

    private static String stripComment(String text) {
        if (text.trim().startsWith("#")) {
            return "";
        }
        int comment = text.indexOf(" #");
        return comment < 0 ? text : text.substring(0, comment);
    }

    private static DecoderFixture fixture(String origin, String line) {
        int arrow = line.indexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException(origin + ": expected \"hexline => name=value ...\": " + line);
        }
        String hex = line.substring(0, arrow).trim();
        Map<String, Double> expected = new LinkedHashMap<>();
        String values = line.substring(arrow + ARROW.length()).trim();
        for (String pair : values.isEmpty() ? new String[0] : values.split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(origin + ": expected name=value, got \"" + pair + "\"");
            }
            String variable = pair.substring(0, equals);
            double value;
            try {
                value = Double.parseDouble(pair.substring(equals + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin + ": not a number in \"" + pair + "\"");
            }
            if (expected.put(variable, value) != null) {
                throw new IllegalArgumentException(origin + ": " + variable + " given twice");
            }
        }
        try {
            return new DecoderFixture(origin, hex, BoardMessageCodec.standard().parse(hex), expected);
        } catch (MalformedLineException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
    }
}
