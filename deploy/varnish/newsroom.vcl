vcl 4.1;
# Front cache for The Riverside Ledger (Varnish 7 with the xkey vmod: Debian's varnish-modules).
#
# Anonymous readers' pages are kept for as long as the app's Surrogate-Control says, and purged
# by surrogate key when what they show changes: each page lists its keys in an `xkey` (or a CDN's
# `Surrogate-Key`) header, and the app sends `PURGE /` with an `xkey-purge: key key ...` header.
# Browsers get `Cache-Control: no-cache` and revalidate (a 304 from here when unchanged).
# Anyone with a session (editors, previews) and anything but GET/HEAD goes to the app servers.
#
# Two listening sockets: readers' requests come through the web server in front (nginx, on the
# same machine), purges from the app servers on a socket of their own named `purge`:
#   varnishd -a 127.0.0.1:6081 -a purge=127.0.0.1:6091 -f /etc/varnish/newsroom.vcl ...
# Every request nginx forwards comes from loopback, so the address alone cannot tell a purge
# from an app server from one a client sent through nginx: only the `purge` socket may purge.

import std;
import xkey;
import directors;

# BEGIN BACKENDS: `manage.py stack up` writes its app servers here; list yours the same way.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; }
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}
# END BACKENDS

# Who may purge (on the `purge` socket): the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    # Purge by surrogate key: Varnish's shape, and Fastly's API shape (so the CDN backend can be
    # tried against this cache).
    if (req.method == "PURGE" || (req.method == "POST" && req.url ~ "^/service/[^/]+/purge$")) {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.purged = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.Surrogate-Key) {
            set req.http.purged = xkey.purge(req.http.Surrogate-Key);
        } else {
            return (synth(400, "No keys to purge"));
        }
        return (synth(200, "Purged " + req.http.purged));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors (and readers who entered a page password) always see the live app.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    # Only the page number is part of a cached page; search results (and any other query)
    # are rendered by the app every time. Header search suggestions are cached.
    if (req.url ~ "\?" && req.url !~ "\?page=[1-9][0-9]{0,5}$" && req.url !~ "^/search/suggest/\?") {
        return (pass);
    }
    # Cookies (analytics, CSRF) do not change an anonymous page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    # One copy per host name, whatever port the reader came in on.
    hash_data(regsub(std.tolower(req.http.Host), ":[0-9]+$", ""));
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key && !beresp.http.xkey) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+" && !beresp.http.Set-Cookie) {
        # The app's word for how long this front may keep the page (its Cache-Control says
        # no-cache, which is for browsers).
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 0s);
        set beresp.grace = 30s;
        return (deliver);
    }
    # Everything else (static files, uploads) by its Cache-Control, Varnish's built-in rules.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "hit";
    } else {
        set resp.http.X-Front-Cache = "miss";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
}
