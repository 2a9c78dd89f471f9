// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.replay;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.client.replay.ReplayState;
import blitz.client.replay.SessionReplay;

/**
 * {@code client:replay} in the OSGi shell: {@code client:replay SESSION [SPEED]} starts a replay of a
 * downloaded session (speed 1 to 100, default 1), {@code client:replay pause|resume|stop} controls it
 * and {@code client:replay} alone says where it is. Found by Gogo through the {@code osgi.command.*}
 * properties, like the other {@code client:} commands. Arguments are taken as text so that a wrong
 * one gets a sentence saying what is expected, not a shell error about types.
 */
@Component(service = ReplayCommands.class, property = { "osgi.command.scope=client", "osgi.command.function=replay" })
public class ReplayCommands {
    static final String USAGE = "client:replay SESSION [SPEED] starts a replay (speed " + (int) SessionReplay.MIN_SPEED
            + " to " + (int) SessionReplay.MAX_SPEED + ", default 1); client:replay pause, resume or stop controls it";
    static final String NO_REPLAY = "No replay is under way. " + USAGE + ".";

    private final SessionReplay replay;

    @Activate
    public ReplayCommands(@Reference SessionReplay replay) {
        this.replay = replay;
    }

    /** @return where the replay is */
    public String replay() {
        return describe(replay.state());
    }

    /** {@code pause}, {@code resume}, {@code stop}, or a session to replay at 1×. */
    public String replay(String verbOrSession) {
        return switch (verbOrSession.trim().toLowerCase(Locale.ROOT)) {
        case "pause" -> control(replay::pause);
        case "resume" -> control(replay::resume);
        case "stop" -> stop();
        default -> replay(verbOrSession, "1");
        };
    }

    /** Starts replaying a downloaded session at a speed from 1 to 100 ({@code 10}, {@code 10x} or {@code 10×}). */
    public String replay(String session, String speed) {
        long sessionId;
        double factor;
        try {
            sessionId = Long.parseLong(session.trim());
        } catch (NumberFormatException e) {
            return "'" + session + "' is neither a session number (see client:sessions) nor pause, resume or stop. "
                    + USAGE + ".";
        }
        try {
            factor = Double.parseDouble(speed.trim().replaceFirst("[x×]$", ""));
        } catch (NumberFormatException e) {
            return "Replay speed must be a number from " + (int) SessionReplay.MIN_SPEED + " to "
                    + (int) SessionReplay.MAX_SPEED + ", not '" + speed + "'.";
        }
        try {
            replay.start(sessionId, factor);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "Not replayed: " + e.getMessage();
        }
        return describe(replay.state());
    }

    private String control(Runnable change) {
        if (replay.state().phase() == ReplayState.Phase.IDLE) {
            return NO_REPLAY;
        }
        change.run();
        return describe(replay.state());
    }

    private String stop() {
        if (replay.state().phase() == ReplayState.Phase.IDLE) {
            return NO_REPLAY;
        }
        replay.stop();
        return "Replay stopped: live values come from the runtime again.";
    }

    private static String describe(ReplayState state) {
        return switch (state.phase()) {
        case IDLE -> state.detail().isEmpty() ? NO_REPLAY : "No replay: " + state.detail();
        case PLAYING -> state.summary();
        case PAUSED -> state.summary() + " (client:replay resume goes on)";
        case FINISHED -> state.summary() + " (client:replay stop gives the live values back to the runtime)";
        };
    }
}
