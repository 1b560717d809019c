package io.gatehouse.history;

import io.gatehouse.session.Devices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** /account/history: the account's latest events, newest first. */
@Named
@RequestScoped
public class HistoryBacking {

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccountHistory history;

    @Inject
    Devices devices;

    @Inject
    ExternalContext external;

    private List<HistoryRow> rows;

    public List<HistoryRow> getRows() {
        if (rows == null) {
            rows = history.latest(external.getRemoteUser()).stream()
                    .map(entry -> new HistoryRow(WHEN.format(entry.occurredAt()), entry.kind().label(), entry.ip(),
                            devices.describe(entry.userAgent())))
                    .toList();
        }
        return rows;
    }
}
