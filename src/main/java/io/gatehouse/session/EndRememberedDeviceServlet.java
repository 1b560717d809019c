package io.gatehouse.session;

import io.gatehouse.remember.RememberedDevices;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Sign out" on a remembered device: its token ends, so it signs in no more; sessions it started are rows above. */
@WebServlet("/account/sessions/forget-device")
public class EndRememberedDeviceServlet extends EndingAction {

    @Inject
    RememberedDevices devices;

    public EndRememberedDeviceServlet() {
        super(Ended.ONE);
    }

    @Override
    boolean end(HttpServletRequest request, String username, HttpSession session) {
        String handle = request.getParameter("device");
        return handle != null && devices.end(username, handle);
    }
}
