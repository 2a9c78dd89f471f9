// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.Osgi;

/** {@code blitz:decoders} and {@code blitz:decode}, called as Gogo calls them: by name on the command service. */
class DecoderCommandsTest {

    private static String command(String function, Object... arguments) throws Exception {
        Osgi.eventually("the blitz:" + function + " command", () -> references(function) != null);
        Object commands = Osgi.context().getService(references(function)[0]);
        Class<?>[] types = new Class<?>[arguments.length];
        java.util.Arrays.fill(types, String.class);
        return (String) commands.getClass().getMethod(function, types).invoke(commands, arguments);
    }

    private static ServiceReference<?>[] references(String function) {
        try {
            return Osgi.context().getServiceReferences((String) null,
                    "(&(osgi.command.scope=blitz)(osgi.command.function=" + function + "))");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decodersListsEachBoardWithItsBundle() throws Exception {
        Osgi.await(DecoderRegistry.class, registry -> registry.decoderFor(8).isPresent());
        String listing = command("decoders");
        String board8 = listing.lines().filter(line -> line.startsWith("board 8 (08)")).findFirst().orElseThrow(() -> new AssertionError(listing));
        assertTrue(board8.contains("5 variables") && board8.contains("bundle blitz.boards 1.0.0"), board8);
        assertTrue(listing.contains("no conflicts"), listing);
    }

    @Test
    void decodersNamesARefusedSecondDecoderForATakenBoard() throws Exception {
        BoardDecoder second = new FieldLayoutDecoder(8, "A second board 8", List.of(BitField.unsigned("x", 0, 8)));
        ServiceRegistration<BoardDecoder> registration = Osgi.context().registerService(BoardDecoder.class, second, new Hashtable<>());
        try {
            Osgi.eventually("the conflict is listed", () -> !Osgi.await(DecoderRegistry.class).conflicts().isEmpty());
            String listing = command("decoders");
            assertTrue(listing.contains("conflicts:") && listing.contains("A second board 8"), listing);
        } finally {
            registration.unregister();
        }
    }

    @Test
    void decodeShowsTheHeaderAndEveryValue() throws Exception {
        String decoded = command("decode", "08a0000003e87ff80100fff00000");
        assertEquals("""
                decoded: board 8 (08) (Blitz Basic), type DATA, flags 00000, timestamp 1000 ms
                  adc_channel_one=2047
                  adc_channel_two=2049
                  adc_channel_three=15
                  adc_channel_four=4080
                  adc_channel_five=0
                """, decoded.replace(Osgi.await(DecoderRegistry.class).describe(8).description(), "Blitz Basic"));
    }

    @Test
    void decodeSaysWhyALineWasNotDecoded() throws Exception {
        assertTrue(command("decode", "08a0").startsWith("malformed\n"), command("decode", "08a0"));
        String unknown = command("decode", "fea0000003e87ff80100fff00000");
        assertTrue(unknown.startsWith("unknown_board: board 254 (fe)"), unknown);
        assertTrue(unknown.lines().count() == 2, unknown);
    }
}
