// SPDX-License-Identifier: EPL-2.0
package blitz.codec.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.codec.NumberedMessages;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.Calibration;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodeResult.Status;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecodedValues;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

/**
 * The decoder registry: collects every {@link BoardDecoder} service (whiteboard) and calibrates what
 * they decode. Among decoders for the same board id the one registered first (lowest service id)
 * is active; the others wait, are logged and listed by {@link #conflicts()}.
 *
 * <p>Lookups read an immutable snapshot without locking; binding and unbinding (rare) take a lock
 * and publish a new snapshot.
 */
@Component(service = DecoderRegistry.class, configurationPid = WhiteboardDecoderRegistry.CALIBRATION_PID)
@Designate(ocd = WhiteboardDecoderRegistry.Config.class)
public final class WhiteboardDecoderRegistry implements DecoderRegistry {
    /** ConfigAdmin PID of the calibration configuration. */
    public static final String CALIBRATION_PID = "blitz.calibration";

    /** Calibration configuration: entries {@code name=scale,offset[,unit]}. */
    @ObjectClassDefinition(id = CALIBRATION_PID, name = "Blitz calibration", description = "Linear calibration of decoded variables")
    public @interface Config {
        @AttributeDefinition(name = "Calibrations", cardinality = 1000, required = false,
                description = "Entries variable=scale,offset[,unit]: the value becomes raw * scale + offset; bad entries are logged and skipped")
        String[] calibrations() default {};
    }

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardDecoderRegistry.class);
    private static final int BOARD_IDS = 256;
    /** The framework's service id property (avoids a framework import for one constant). */
    private static final String SERVICE_ID = "service.id";

    private final BoardMessageCodec codec = BoardMessageCodec.standard();
    /** Every bound decoder by board id, in registration order (service id); guarded by itself. */
    private final Map<Integer, TreeMap<Long, BoardDecoder>> candidates = new HashMap<>();
    /** Decoders that threw, so that each is logged loudly once. */
    private final Set<BoardDecoder> faulty = ConcurrentHashMap.newKeySet();
    /** Where each bound decoder comes from ({@link DecoderRegistry#origin}). */
    private final Map<BoardDecoder, String> origins = new ConcurrentHashMap<>();
    private volatile BoardDecoder[] active = new BoardDecoder[BOARD_IDS];
    private volatile CalibrationTable calibrations;

    @Activate
    public WhiteboardDecoderRegistry(Config config) {
        calibrations = CalibrationTable.parse(config.calibrations());
    }

    @Modified
    void modified(Config config) {
        calibrations = CalibrationTable.parse(config.calibrations());
        LOG.info("Calibration updated: {} variables calibrated", calibrations.size());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDecoder")
    void addDecoder(BoardDecoder decoder, Map<String, Object> properties) {
        int boardId;
        try {
            boardId = decoder.boardId();
        } catch (RuntimeException e) {
            LOG.error("Ignoring board decoder {}: boardId() failed", decoder.getClass().getName(), e);
            return;
        }
        if (boardId < 0 || boardId >= BOARD_IDS) {
            LOG.error("Ignoring board decoder {}: board id {} is not 0..255", decoder.getClass().getName(), boardId);
            return;
        }
        origins.put(decoder, origin(properties));
        synchronized (candidates) {
            TreeMap<Long, BoardDecoder> forBoard = candidates.computeIfAbsent(boardId, id -> new TreeMap<>());
            forBoard.put(serviceId(properties), decoder);
            if (forBoard.firstEntry().getValue() != decoder) {
                LOG.warn("Board decoder conflict: {}", conflict(boardId, serviceId(properties), decoder, forBoard));
            }
            publish();
        }
    }

    void removeDecoder(BoardDecoder decoder, Map<String, Object> properties) {
        synchronized (candidates) {
            for (var it = candidates.entrySet().iterator(); it.hasNext();) {
                var forBoard = it.next();
                BoardDecoder wasActive = forBoard.getValue().firstEntry().getValue();
                if (forBoard.getValue().remove(serviceId(properties), decoder)) {
                    if (forBoard.getValue().isEmpty()) {
                        it.remove();
                    } else if (wasActive == decoder) {
                        LOG.info("Board {}: decoder {} left; {} takes over",
                                BoardDescription.label(forBoard.getKey()), name(decoder),
                                name(forBoard.getValue().firstEntry().getValue()));
                    }
                }
            }
            faulty.remove(decoder);
            origins.remove(decoder);
            publish();
        }
    }

    private void publish() {
        BoardDecoder[] snapshot = new BoardDecoder[BOARD_IDS];
        candidates.forEach((boardId, forBoard) -> snapshot[boardId] = forBoard.firstEntry().getValue());
        active = snapshot;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }

    private static String origin(Map<String, Object> properties) {
        String origin = properties.get(ORIGIN) instanceof String given ? given : PLUG_IN;
        return properties.get(ORIGIN_FILE) instanceof String file ? origin + " " + file : origin;
    }

    private static String name(BoardDecoder decoder) {
        try {
            return "\"" + decoder.description() + "\" (" + decoder.getClass().getName() + ")";
        } catch (RuntimeException e) {
            return decoder.getClass().getName();
        }
    }

    private static String conflict(int boardId, long serviceId, BoardDecoder refused, TreeMap<Long, BoardDecoder> forBoard) {
        return "board " + BoardDescription.label(boardId) + ": decoder " + name(refused) + " (service " + serviceId
                + ") refused; " + name(forBoard.firstEntry().getValue()) + " (service " + forBoard.firstKey()
                + ") is active";
    }

    @Override
    public Optional<BoardDecoder> decoderFor(int boardId) {
        return boardId >= 0 && boardId < BOARD_IDS ? Optional.ofNullable(active[boardId]) : Optional.empty();
    }

    @Override
    public Collection<BoardDecoder> decoders() {
        List<BoardDecoder> decoders = new ArrayList<>();
        for (BoardDecoder decoder : active) {
            if (decoder != null) {
                decoders.add(decoder);
            }
        }
        return List.copyOf(decoders);
    }

    @Override
    public BoardDescription describe(int boardId) {
        if (boardId < 0 || boardId >= BOARD_IDS) {
            throw new IllegalArgumentException("board id must be 0..255: " + boardId);
        }
        BoardDecoder decoder = active[boardId];
        return BoardDescription.of(boardId, decoder == null ? BoardDescription.UNKNOWN : decoder.description());
    }

    @Override
    public DecodeResult decode(String line) {
        if (line == null) {
            return failure(Status.MALFORMED, null, "no line");
        }
        try {
            return decode(codec.parse(line));
        } catch (MalformedLineException e) {
            return failure(Status.MALFORMED, null, e.getMessage());
        }
    }

    @Override
    public DecodeResult decode(BoardMessage message) {
        if (message == null) {
            return failure(Status.MALFORMED, null, "no message");
        }
        BoardDecoder decoder = active[message.sender()];
        if (decoder == null) {
            return failure(Status.UNKNOWN_BOARD, message, "no decoder for board " + BoardDescription.label(message.sender()));
        }
        try {
            BoardMessage ordinary = message.type() == MessageType.EXTENDED
                    ? NumberedMessages.inner(message) : message;
            List<DecodedValue> raw = decoder.decode(ordinary);
            int notFinite = firstNotFinite(raw);
            if (notFinite >= 0) {
                return failure(Status.REJECTED, message, "decoder " + name(decoder) + " gave " + raw.get(notFinite));
            }
            return new DecodeResult(Status.DECODED, message, calibrated(raw, calibrations), "");
        } catch (MessageDecodingException e) {
            return failure(Status.REJECTED, message, e.getMessage());
        } catch (RuntimeException e) {
            if (faulty.add(decoder)) {
                LOG.warn("Board decoder {} threw on {}; counted as rejected (logged once per decoder)", name(decoder), message, e);
            }
            return failure(Status.REJECTED, message, "decoder " + name(decoder) + " failed: " + e);
        }
    }

    /** @return the index of the first value that is not finite, -1 when all are */
    private static int firstNotFinite(List<DecodedValue> values) {
        for (int i = 0; i < values.size(); i++) {
            double value = values instanceof DecodedValues numbers ? numbers.value(i) : values.get(i).value();
            if (!Double.isFinite(value)) {
                return i;
            }
        }
        return -1;
    }

    /** @return {@code raw} itself when no value has a calibration (the usual case: no copy per message) */
    private static List<DecodedValue> calibrated(List<DecodedValue> raw, CalibrationTable table) {
        if (table.size() == 0) {
            return raw;
        }
        if (raw instanceof DecodedValues numbers) {
            return table.calibrated(numbers);
        }
        List<DecodedValue> values = new ArrayList<>(raw.size());
        for (DecodedValue value : raw) {
            values.add(table.find(value.name())
                    .map(entry -> entry.in(value.unit()))
                    .map(c -> new DecodedValue(value.name(), c.apply(value.value()), c.unit()))
                    .orElse(value));
        }
        return values;
    }

    private static DecodeResult failure(Status status, BoardMessage message, String detail) {
        return new DecodeResult(status, message, List.of(), detail == null ? status.name() : detail);
    }

    @Override
    public Calibration calibration(String variableName) {
        String unit = defaultUnit(variableName);
        return calibrations.find(variableName).map(entry -> entry.in(unit)).orElse(Calibration.identity(unit));
    }

    private String defaultUnit(String variableName) {
        for (BoardDecoder decoder : active) {
            if (decoder != null) {
                for (VariableSpec spec : decoder.variables()) {
                    if (spec.name().equals(variableName)) {
                        return spec.unit();
                    }
                }
            }
        }
        return "";
    }

    @Override
    public String origin(int boardId) {
        BoardDecoder decoder = boardId >= 0 && boardId < BOARD_IDS ? active[boardId] : null;
        return decoder == null ? "" : origins.getOrDefault(decoder, PLUG_IN);
    }

    @Override
    public Collection<String> conflicts() {
        List<String> conflicts = new ArrayList<>();
        synchronized (candidates) {
            new TreeMap<>(candidates).forEach((boardId, forBoard) -> forBoard.tailMap(forBoard.firstKey(), false)
                    .forEach((serviceId, refused) -> conflicts.add(conflict(boardId, serviceId, refused, forBoard))));
        }
        return List.copyOf(conflicts);
    }
}
