// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;

/** Holds the source's worker in its first message until released, as a sink stuck on a full disk would. */
final class HoldingSink implements MessageSink {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger messages = new AtomicInteger();

    @Override
    public void onMessage(String sourceId, String line) {
        messages.incrementAndGet();
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onLoss(String sourceId, LossEvent event) {
        // not looked at
    }

    boolean entered() {
        return entered.getCount() == 0;
    }

    void release() {
        release.countDown();
    }

    int messages() {
        return messages.get();
    }
}
