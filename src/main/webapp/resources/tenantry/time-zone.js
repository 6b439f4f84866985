// Tells the server the browser's time zone (an IANA name such as Europe/Berlin), so that every page
// shows dates and times in it (faces.ReadersClock reads the cookie). Host-only, like every cookie here.
(function () {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !/^[A-Za-z][A-Za-z0-9_+\-\/]{0,63}$/.test(zone)) {
        return;
    }
    if (zone && document.cookie.split('; ').indexOf('tz=' + zone) < 0) {
        document.cookie = 'tz=' + zone + '; path=/; max-age=31536000; SameSite=Lax'
            + (location.protocol === 'https:' ? '; Secure' : '');
    }
})();
