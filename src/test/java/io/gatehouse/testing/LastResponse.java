package io.gatehouse.testing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Remembers the last response any client saw, and shows it when a test fails. */
public class LastResponse implements TestWatcher, Consumer<Page> {

    private static final Logger LOG = Logger.getLogger(LastResponse.class.getName());

    private final AtomicReference<Page> last = new AtomicReference<>();

    @Override
    public void accept(Page page) {
        last.set(page);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Page page = last.get();
        if (page != null) {
            LOG.warning(() -> context.getDisplayName() + " failed; the last response was:\n" + page);
        }
    }
}
