// SPDX-License-Identifier: EPL-2.0
package blitz.codec.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.message.BoardMessage;

/**
 * Gogo shell commands for plug-in authors: {@code blitz:decoders} lists the registered decoders with
 * the bundle that provides each and any conflicts; {@code blitz:decode <hex>} decodes one line as the
 * running system would. Plain methods returning text, so the bundle needs no Gogo import.
 */
@Component(service = DecoderCommands.class, property = { "osgi.command.scope=blitz", "osgi.command.function=decoders",
        "osgi.command.function=decode" })
public class DecoderCommands {
    private final DecoderRegistry registry;
    /** The bundle providing each decoder service, by identity of the decoder object. */
    private final Map<BoardDecoder, String> providers = new ConcurrentHashMap<>();

    @Activate
    public DecoderCommands(@Reference DecoderRegistry registry) {
        this.registry = registry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDecoder(BoardDecoder decoder, ServiceReference<BoardDecoder> reference) {
        Bundle bundle = reference.getBundle();
        providers.put(decoder, bundle == null ? "(unregistered)" : bundle.getSymbolicName() + " " + bundle.getVersion());
    }

    void removeDecoder(BoardDecoder decoder) {
        providers.remove(decoder);
    }

    /** {@code blitz:decoders}: one line per active decoder (board, description, variables, bundle), then the conflicts. */
    public String decoders() {
        StringBuilder out = new StringBuilder();
        Collection<BoardDecoder> active = registry.decoders();
        if (active.isEmpty()) {
            out.append("no decoders registered\n");
        }
        for (BoardDecoder decoder : active) {
            out.append(String.format(Locale.ROOT, "board %s  %-40s %d variables  bundle %s%n",
                    BoardDescription.label(decoder.boardId()), decoder.description(), decoder.variables().size(),
                    providers.getOrDefault(decoder, "(unknown)")));
        }
        Collection<String> conflicts = registry.conflicts();
        out.append(conflicts.isEmpty() ? "no conflicts\n" : "conflicts:\n");
        conflicts.forEach(conflict -> out.append("  ").append(conflict).append('\n'));
        return out.toString();
    }

    /** {@code blitz:decode <hex>}: the message's header and every calibrated value, or why the line was not decoded. */
    public String decode(String line) {
        DecodeResult result = registry.decode(line.strip());
        StringBuilder out = new StringBuilder(result.status().name().toLowerCase(Locale.ROOT));
        BoardMessage message = result.message();
        if (message != null) {
            out.append(String.format(Locale.ROOT, ": board %s (%s), type %s, flags %s, timestamp %d ms",
                    BoardDescription.label(message.sender()), registry.describe(message.sender()).description(),
                    message.type(), flags(message), message.timestamp()));
        }
        out.append('\n');
        if (result.isDecoded()) {
            for (DecodedValue value : result.values()) {
                out.append(String.format(Locale.ROOT, "  %s=%s%s%n", value.name(), number(value.value()),
                        value.unit().isEmpty() ? "" : " " + value.unit()));
            }
        } else {
            out.append("  ").append(result.detail()).append('\n');
        }
        return out.toString();
    }

    /** The five flags as the original numbers them, flag 1 first: {@code 10100}. */
    private static String flags(BoardMessage message) {
        StringBuilder bits = new StringBuilder(BoardMessage.FLAG_COUNT);
        for (int i = 0; i < BoardMessage.FLAG_COUNT; i++) {
            bits.append(message.flag(i) ? '1' : '0');
        }
        return bits.toString();
    }

    /** Whole numbers without a trailing {@code .0}, so raw counts read as counts. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
