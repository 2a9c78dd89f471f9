// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import java.util.List;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;
import blitz.ui.topics.UiTopics;

/** Logger ▸ Update board list: asks the runtime for its boards; the Runtime &amp; Boards view shows them. */
public class UpdateBoardsHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canUpdateLists(status, logging);
    }

    @Override
    String description() {
        return "Requesting connected boards";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            List<Integer> boards = services.connection().boards();
            services.post(UiTopics.BOARDS, boards);
            return null;
        };
    }
}
