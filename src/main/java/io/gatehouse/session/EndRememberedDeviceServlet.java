package io.gatehouse.session;

import io.gatehouse.history.EventKind;
import io.gatehouse.history.RecordedEvents;
import io.gatehouse.remember.RememberedDevices;
import io.gatehouse.security.SecurityLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out" on a remembered device: its token ends, so it signs in no more; sessions it started are rows above. */
@WebServlet("/account/sessions/forget-device")
public class EndRememberedDeviceServlet extends SessionsPageAction {

    @Inject
    RememberedDevices devices;

    @Inject
    SecurityLog log;

    @Inject
    RecordedEvents history;

    @Override
    String act(HttpServletRequest request, String username, HttpSession session) {
        if (!RecentPassword.isRecent(session)) {
            return "confirm-first";
        }
        String handle = request.getParameter("device");
        if (handle == null || !devices.end(username, handle)) {
            return "gone";
        }
        log.sessionEndedElsewhere(request, username);
        history.record(request, username, EventKind.SESSION_ENDED_ELSEWHERE);
        return "ended";
    }
}
