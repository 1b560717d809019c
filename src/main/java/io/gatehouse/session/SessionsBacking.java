package io.gatehouse.session;

import io.gatehouse.remember.RememberedDevices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** /account/sessions: where this account is signed in. Its buttons post to the {@link SessionsPageAction}s. */
@Named
@RequestScoped
public class SessionsBacking {

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccountSessions sessions;

    @Inject
    Devices devices;

    @Inject
    ExternalContext external;

    @Inject
    RememberedDevices remembered;

    private List<SessionRow> rows;
    private List<SessionRow> rememberedRows;

    public List<SessionRow> getRows() {
        if (rows == null) {
            Object current = session().getAttribute(SignedInSessions.HANDLE);
            rows = sessions.list(external.getRemoteUser()).stream()
                    .map(live -> new SessionRow(live.handle(), devices.describe(live.userAgent()), live.ip(),
                            WHEN.format(live.signedInAt()), WHEN.format(live.lastSeenAt()),
                            live.handle().equals(current)))
                    .toList();
        }
        return rows;
    }

    /** The remembered devices: {@code signedIn} is left empty, {@code lastSeen} is when its token was last used. */
    public List<SessionRow> getRemembered() {
        if (rememberedRows == null) {
            rememberedRows = remembered.list(external.getRemoteUser()).stream()
                    .map(device -> new SessionRow(device.handle(), devices.describe(device.userAgent()), device.ip(),
                            "", WHEN.format(device.lastUsedAt()), false))
                    .toList();
        }
        return rememberedRows;
    }

    public boolean isConfirmed() {
        return RecentPassword.isRecent(session());
    }

    private HttpSession session() {
        return (HttpSession) external.getSession(true);
    }
}
