// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.util.Map;
import java.util.Set;

import blitz.model.source.CommandResult;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * A source that announces boards and never delivers a line from them: a board plugged in but silent,
 * as the trial's board 8 that stayed ticked "connected" while its session stored nothing.
 */
public final class SilentSource implements MessageSource {
    private final String id;
    private final Set<Integer> boards;
    private volatile boolean running;

    public SilentSource(String id, Integer... boards) {
        this.id = id;
        this.boards = Set.of(boards);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "silent boards " + boards;
    }

    @Override
    public void start(MessageSink sink) {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public SourceState state() {
        return running ? SourceState.RUNNING : SourceState.STOPPED;
    }

    @Override
    public Set<Integer> boardIds() {
        return boards;
    }

    @Override
    public CommandResult sendCommand(int boardId, String hexCommand) {
        return CommandResult.failed("board " + boardId + " does not answer");
    }

    @Override
    public SourceStatistics statistics() {
        return new SourceStatistics(0, 0, 0, Map.of(), 0, 0, "");
    }
}
