// Browsers may restore a page from the back/forward cache even when it was sent with Cache-Control: no-store.
// A page seen while signed in must never come back that way after a sign-out: ask the server again instead.
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        window.location.reload();
    }
});
